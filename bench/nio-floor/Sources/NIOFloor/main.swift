// A TCP forwarder on SwiftNIO with one event loop: each client connection is paired with one new connection to a
// backend (chosen 90/10 over the two by smooth weighted round-robin, per connection) and bytes are copied both
// ways with backpressure. No HTTP parsing, no routing per request, no metrics: the least work per request any
// NIO-based HTTP proxy can do, so its throughput bounds what such a proxy can reach on the machine.
//
//   nio-floor LISTEN_PORT BACKEND_A_PORT BACKEND_B_PORT
#if canImport(Glibc)
import Glibc
#endif
import NIOCore
import NIOPosix

/// Copies what one channel reads to its partner; reads only while the partner can take writes.
final class Splice: ChannelDuplexHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private var partner: Splice?
    private var context: ChannelHandlerContext?
    private var readWaiting = false
    /// What the client sent before the backend connection was up.
    private var early: [NIOAny] = []

    func handlerAdded(context: ChannelHandlerContext) { self.context = context }
    func handlerRemoved(context: ChannelHandlerContext) { self.context = nil; partner = nil }

    /// Pairs this splice with its partner (on the same event loop) and sends what arrived meanwhile.
    func pair(with other: Splice) {
        partner = other
        other.partner = self
        guard !early.isEmpty, let target = other.context else { return }
        for data in early { target.write(data, promise: nil) }
        early = []
        target.flush()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard let target = partner?.context else {
            early.append(data)
            return
        }
        target.write(data, promise: nil)
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        partner?.context?.flush()
    }

    func channelInactive(context: ChannelHandlerContext) {
        partner?.context?.close(promise: nil)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }

    func channelWritabilityChanged(context: ChannelHandlerContext) {
        if context.channel.isWritable, let partner, partner.readWaiting {
            partner.readWaiting = false
            partner.context?.read()
        }
    }

    func read(context: ChannelHandlerContext) {
        if partner?.context?.channel.isWritable ?? true {
            context.read()
        } else {
            readWaiting = true
        }
    }
}

/// Smooth weighted round-robin over the two backends, 90/10.
final class BackendChooser {
    private var current = [0, 0]
    private let weights = [90, 10]
    private let ports: [Int]

    init(ports: [Int]) { self.ports = ports }

    func next() -> Int {
        for index in current.indices { current[index] += weights[index] }
        let best = current[0] >= current[1] ? 0 : 1
        current[best] -= weights.reduce(0, +)
        return ports[best]
    }
}

let arguments = CommandLine.arguments.dropFirst().compactMap { Int($0) }
guard arguments.count == 3 else {
    print("usage: nio-floor LISTEN_PORT BACKEND_A_PORT BACKEND_B_PORT")
    exit(2)
}
let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
// Used only on the group's one event loop.
let chooser = BackendChooser(ports: [arguments[1], arguments[2]])

let server = try ServerBootstrap(group: group)
    .serverChannelOption(.backlog, value: 4096)
    .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
    .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
    .childChannelInitializer { client in
        let near = Splice()
        let port = chooser.next()
        ClientBootstrap(group: client.eventLoop)
            .channelOption(.socketOption(.tcp_nodelay), value: 1)
            .connect(host: "127.0.0.1", port: port)
            .whenComplete { result in
                switch result {
                case .success(let upstream):
                    let far = Splice()
                    do {
                        try upstream.pipeline.syncOperations.addHandler(far)
                        near.pair(with: far)
                    } catch {
                        upstream.close(promise: nil)
                        client.close(promise: nil)
                    }
                case .failure:
                    client.close(promise: nil)
                }
            }
        return client.eventLoop.makeCompletedFuture { try client.pipeline.syncOperations.addHandler(near) }
    }
    .bind(host: "127.0.0.1", port: arguments[0])
    .wait()
print("nio-floor on 127.0.0.1:\(arguments[0])")
try server.closeFuture.wait()
