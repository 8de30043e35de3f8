import NIOCore
import NIOPosix
import Synchronization

/// A raw TCP client for tests that need exact bytes on the wire (attacks, 100-continue, upgrades, slow readers).
final class RawConnection: Sendable {
    let channel: any Channel
    private let state: RawState

    final class RawState: Sendable {
        let received = Mutex<[UInt8]>([])
        let closed = Mutex(false)
        let errors = Mutex<[String]>([])
    }

    private init(channel: any Channel, state: RawState) {
        self.channel = channel
        self.state = state
    }

    /// Connects to 127.0.0.1:`port`; with `autoRead` false nothing is read until `startReading()`.
    static func connect(port: Int, autoRead: Bool = true, receiveBuffer: Int? = nil) async throws -> RawConnection {
        let state = RawState()
        var bootstrap = ClientBootstrap(group: TestEventLoops.group)
            .channelOption(.autoRead, value: autoRead)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(RawCollector(state: state))
                }
            }
        if let receiveBuffer {
            bootstrap = bootstrap.channelOption(.socketOption(.so_rcvbuf), value: SocketOptionValue(receiveBuffer))
        }
        let channel = try await bootstrap.connect(host: "127.0.0.1", port: port).get()
        return RawConnection(channel: channel, state: state)
    }

    /// Sends text as is (write `\r\n` yourself).
    func send(_ text: String) async throws {
        try await channel.writeAndFlush(channel.allocator.buffer(string: text))
    }

    /// Sends bytes.
    func send(_ buffer: ByteBuffer) async throws {
        try await channel.writeAndFlush(buffer)
    }

    /// Everything received so far, as text.
    var text: String { String(decoding: state.received.withLock { $0 }, as: UTF8.self) }

    /// Bytes received so far.
    var receivedCount: Int { state.received.withLock { $0.count } }

    /// Whether the peer closed the connection.
    var isClosed: Bool { state.closed.withLock { $0 } }

    /// Errors the connection saw (a reset shows here; a graceful close does not).
    var errors: [String] { state.errors.withLock { $0 } }

    /// Turns reading on.
    func startReading() {
        channel.setOption(.autoRead, value: true).whenSuccess { _ in self.channel.read() }
    }

    /// Half-closes: no more bytes from this side, the other side may still answer.
    func shutdownOutput() async throws {
        try await channel.close(mode: .output)
    }

    /// Closes the connection.
    func close() async {
        try? await channel.close()
    }
}

private final class RawCollector: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    let state: RawConnection.RawState

    init(state: RawConnection.RawState) {
        self.state = state
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let buffer = unwrapInboundIn(data)
        state.received.withLock { $0 += buffer.readableBytesView }
    }

    func channelInactive(context: ChannelHandlerContext) {
        state.closed.withLock { $0 = true }
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        state.errors.withLock { $0.append("\(error)") }
        context.close(promise: nil)
    }
}
