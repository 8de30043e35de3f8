import NIOCore
import NIOHTTP1
import NIOPosix

/// One health probe: connect, `GET path`, and pass when a response head with a passing status arrives in time.
enum HealthProbe {
    /// Runs one probe against `upstream` on `eventLoop`; never throws (a failure, a timeout or cancellation is a `false`).
    static func run(_ upstream: Upstream, check: HealthCheck, on eventLoop: any EventLoop) async -> Bool {
        let promise = eventLoop.makePromise(of: Int.self)
        let timeout = check.timeout.timeAmount
        let timer = eventLoop.scheduleTask(in: timeout) {
            promise.fail(ChannelError.connectTimeout(timeout))
        }
        // The result always arrives on the loop, so the timer is cancelled there: its own promise is settled at once
        // and never left unfulfilled when the loop shuts down after this probe returns.
        promise.futureResult.whenComplete { _ in timer.cancel() }
        let host = upstream.address.description
        let path = check.path
        let bootstrap = ClientBootstrap(group: eventLoop)
            .connectTimeout(timeout)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHTTPClientHandlers()
                    try channel.pipeline.syncOperations.addHandler(ProbeHandler(promise: promise, host: host, path: path))
                }
            }
        bootstrap.connect(to: upstream.socketAddress).whenComplete { result in
            switch result {
            case .success(let channel):
                promise.futureResult.whenComplete { _ in channel.close(promise: nil) }
            case .failure(let error):
                promise.fail(error)
            }
        }
        do {
            let status = try await withTaskCancellationHandler {
                try await promise.futureResult.get()
            } onCancel: {
                promise.fail(CancellationError())
            }
            return check.passingStatuses.contains(status)
        } catch {
            return false
        }
    }
}

/// Sends the probe request when the connection opens and reports the response status.
private final class ProbeHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPClientResponsePart
    typealias OutboundOut = HTTPClientRequestPart

    private let promise: EventLoopPromise<Int>
    private let host: String
    private let path: String

    init(promise: EventLoopPromise<Int>, host: String, path: String) {
        self.promise = promise
        self.host = host
        self.path = path
    }

    func channelActive(context: ChannelHandlerContext) {
        var headers = HTTPHeaders()
        headers.add(name: "Host", value: host)
        headers.add(name: "User-Agent", value: "turnout-health-check")
        headers.add(name: "Connection", value: "close")
        context.write(wrapOutboundOut(.head(HTTPRequestHead(version: .http1_1, method: .GET, uri: path, headers: headers))), promise: nil)
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
        context.fireChannelActive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if case .head(let head) = unwrapInboundIn(data) {
            promise.succeed(Int(head.status.code))
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        promise.fail(ChannelError.eof)
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        promise.fail(error)
        context.close(promise: nil)
    }
}
