import NIOCore
import NIOPosix
import Synchronization

/// A raw-socket upstream for tests of broken upstreams: for each request head it reads (bodyless requests), it
/// writes the next scripted response as exact bytes, and records the request heads it saw.
///
/// `responses` are taken in order across connections; once they run out, each further request gets the last
/// one. With `closeAfterEach` the connection closes after each response is written.
final class ScriptedUpstream: Sendable {
    private let channelBox = Mutex<(any Channel)?>(nil)
    private let state: State

    final class State: Sendable {
        let responses: [String]
        let closeAfterEach: Bool
        let next = Mutex(0)
        let heads = Mutex<[String]>([])
        let connections = Mutex(0)

        init(responses: [String], closeAfterEach: Bool) {
            self.responses = responses
            self.closeAfterEach = closeAfterEach
        }

        func nextResponse() -> String {
            next.withLock { index in
                defer { index += 1 }
                return responses[min(index, responses.count - 1)]
            }
        }
    }

    private init(state: State) {
        self.state = state
    }

    /// Starts on 127.0.0.1 and a free port.
    static func start(responses: [String], closeAfterEach: Bool = false) async throws -> ScriptedUpstream {
        let state = State(responses: responses, closeAfterEach: closeAfterEach)
        let upstream = ScriptedUpstream(state: state)
        let channel = try await ServerBootstrap(group: TestEventLoops.group)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    state.connections.withLock { $0 += 1 }
                    try channel.pipeline.syncOperations.addHandler(ScriptedHandler(state: state))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        upstream.channelBox.withLock { $0 = channel }
        return upstream
    }

    /// `127.0.0.1:port`.
    var address: String { "127.0.0.1:\(channelBox.withLock { $0!.localAddress!.port! })" }

    /// The request heads received, in order.
    var heads: [String] { state.heads.withLock { $0 } }

    /// Connections accepted.
    var connections: Int { state.connections.withLock { $0 } }

    /// Stops listening.
    func stop() async {
        try? await channelBox.withLock { $0 }?.close()
    }
}

private final class ScriptedHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer
    let state: ScriptedUpstream.State
    var pending: [UInt8] = []

    init(state: ScriptedUpstream.State) {
        self.state = state
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        pending += unwrapInboundIn(data).readableBytesView
        let terminator: [UInt8] = Array("\r\n\r\n".utf8)
        while let end = pending.firstRange(of: terminator) {
            let head = String(decoding: pending[..<end.lowerBound], as: UTF8.self)
            pending.removeSubrange(..<end.upperBound)
            state.heads.withLock { $0.append(head) }
            let response = state.nextResponse()
            let done = context.writeAndFlush(wrapOutboundOut(context.channel.allocator.buffer(string: response)))
            if state.closeAfterEach {
                done.assumeIsolated().whenComplete { _ in context.close(promise: nil) }
                return
            }
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }
}
