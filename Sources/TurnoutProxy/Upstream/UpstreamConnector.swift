import NIOCore
import NIOHTTP1
import NIOPosix

/// Opens upstream connections on one event loop, so the client and upstream channels never hop threads.
struct UpstreamConnector {
    /// The event loop connections belong to.
    let eventLoop: any EventLoop
    /// Connect timeout.
    let connectTimeout: TimeAmount

    /// Connects to `slot`'s upstream and calls `completion` on the event loop with the ready connection or the error.
    func connect(_ slot: LoopUpstream, completion: @escaping (Result<UpstreamConnection, any Error>) -> Void) {
        let boundSlot = NIOLoopBound(slot, eventLoop: eventLoop)
        let bootstrap = ClientBootstrap(group: eventLoop)
            .connectTimeout(connectTimeout)
            .channelOption(.socketOption(.tcp_nodelay), value: 1)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try Self.configure(channel.pipeline.syncOperations, slot: boundSlot.value)
                }
            }
        bootstrap.connect(to: slot.upstream.socketAddress).assumeIsolated().whenComplete { result in
            switch result {
            case .success(let channel):
                do {
                    let connection = try channel.pipeline.syncOperations.handler(type: UpstreamConnection.self)
                    completion(.success(connection))
                } catch {
                    channel.close(promise: nil)
                    completion(.failure(error))
                }
            case .failure(let error):
                completion(.failure(error))
            }
        }
    }

    /// Adds the HTTP/1.1 client codec (framing left to the proxy) and the connection handler.
    static func configure(_ pipeline: ChannelPipeline.SynchronousOperations, slot: LoopUpstream) throws {
        var encoderConfiguration = HTTPRequestEncoder.Configuration()
        encoderConfiguration.automaticallySetFramingHeaders = false
        try pipeline.addHandler(HTTPRequestEncoder(configuration: encoderConfiguration), name: HandlerName.upstreamEncoder)
        try pipeline.addHandler(
            ByteToMessageHandler(HTTPResponseDecoder(leftOverBytesStrategy: .forwardBytes, informationalResponseStrategy: .forward)),
            name: HandlerName.upstreamDecoder
        )
        try pipeline.addHandler(UpstreamConnection(slot: slot), name: HandlerName.upstreamConnection)
    }
}

/// Names of pipeline handlers, for removal when a connection turns into a tunnel.
enum HandlerName {
    static let upstreamEncoder = "turnout.upstream.encoder"
    static let upstreamDecoder = "turnout.upstream.decoder"
    static let upstreamConnection = "turnout.upstream.connection"
    static let clientGate = "turnout.client.gate"
    static let clientDecoder = "turnout.client.decoder"
    static let clientProxy = "turnout.client.proxy"
}
