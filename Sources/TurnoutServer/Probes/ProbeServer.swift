import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle
import TurnoutHTTPServer

/// A controller's health and metrics endpoints: `/healthz` (the process serves), `/readyz` (it is ready:
/// caches synced; a standby replica that does not lead is ready too), `/metrics` (Prometheus text format).
/// Read-only, so it needs no token; it binds where it is told (loopback unless the pod's address is given).
public struct ProbeServer: Sendable {
    /// Where it listens.
    public var host: String
    /// The port; 0 picks a free one.
    public var port: Int
    /// Whether the controller is ready.
    public var isReady: @Sendable () async -> Bool
    /// The metrics in Prometheus' text format.
    public var metrics: @Sendable () async -> String
    let logger: Logger

    /// Creates the server.
    public init(host: String, port: Int, isReady: @escaping @Sendable () async -> Bool, metrics: @escaping @Sendable () async -> String, logger: Logger) {
        self.host = host
        self.port = port
        self.isReady = isReady
        self.metrics = metrics
        self.logger = logger
    }

    /// The routes.
    func makeRouter() -> Router<BasicRequestContext> {
        let router = Router()
        let (isReady, metrics) = (isReady, metrics)
        router.get("/healthz") { _, _ in "ok\n" }
        router.get("/readyz") { _, _ -> Response in
            let ready = await isReady()
            return Response(status: ready ? .ok : .serviceUnavailable, body: ResponseBody(byteBuffer: ByteBuffer(string: ready ? "ok\n" : "not ready: caches are not synced\n")))
        }
        router.get("/metrics") { _, _ -> Response in
            Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4"], body: ResponseBody(byteBuffer: ByteBuffer(string: await metrics())))
        }
        return router
    }

    /// Starts serving in the background and returns once listening.
    public func start() async throws -> RunningAPIServer {
        let (addresses, continuation) = AsyncStream.makeStream(of: APIServerAddress.self)
        let (host, port, logger) = (host, port, logger)
        let application = Application(
            router: makeRouter(),
            server: .guardedHTTP1(),
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: "turnout-controller"),
            onServerRunning: { channel in
                continuation.yield(APIServerAddress(host: host, port: channel.localAddress?.port ?? port))
                continuation.finish()
            },
            logger: logger
        )
        let group = ServiceGroup(configuration: .init(services: [application], logger: logger))
        let task = Task {
            defer { continuation.finish() }
            try await group.run()
        }
        var iterator = addresses.makeAsyncIterator()
        guard let address = await iterator.next() else {
            let reason: String
            do {
                try await task.value
                reason = "the server stopped"
            } catch {
                reason = "\(error)"
            }
            throw APIServerError.notStarted(address: "\(host):\(port)", reason: reason)
        }
        return RunningAPIServer(address: address, group: group, task: task)
    }
}
