import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle
import TurnoutHTTPServer
import TurnoutService

/// The local REST API: serves any `RuntimeService` as JSON over HTTP, with server-sent events for watches.
///
/// Run it with `run(onRunning:)` inside the daemon's task or `ServiceGroup` (it stops when the task is cancelled
/// and shuts down gracefully with the group), or with `start()` to get a handle that knows the bound address.
public struct APIServer: Sendable {
    /// Where it listens and the token it demands.
    public let configuration: APIServerConfiguration
    let service: any RuntimeService
    let logger: Logger

    /// Checks the configuration; throws `APIServerError.tokenRequired` for a non-loopback host without a token.
    public init(service: any RuntimeService, configuration: APIServerConfiguration, logger: Logger = Logger(label: "turnout.api")) throws(APIServerError) {
        if !configuration.isLoopback, configuration.effectiveToken == nil {
            throw .tokenRequired(host: configuration.host)
        }
        self.service = service
        self.configuration = configuration
        self.logger = logger
    }

    /// The routes with their middleware, for serving or for testing without a socket.
    public func makeRouter() -> Router<BasicRequestContext> {
        let router = Router()
        router.add(middleware: JSONErrorMiddleware())
        router.add(middleware: BearerTokenMiddleware(token: configuration.effectiveToken))
        for endpoint in APIEndpoint.all {
            router.on(RouterPath(endpoint.path), method: HTTPRequest.Method(endpoint.method)!) { request, context in
                try await self.respond(to: endpoint, request: request, context: context)
            }
        }
        return router
    }

    /// The Hummingbird application bound to the configured address; `onRunning` gets the bound address.
    public func makeApplication(
        onRunning: @escaping @Sendable (APIServerAddress) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        let host = configuration.host
        let port = configuration.port
        let logger = logger
        return Application(
            router: makeRouter(),
            server: .guardedHTTP1(),
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: "turnout"),
            onServerRunning: { channel in
                let bound = APIServerAddress(host: host, port: channel.localAddress?.port ?? port)
                logger.info("API listening", metadata: ["api.address": "\(bound)"])
                await onRunning(bound)
            },
            logger: logger
        )
    }

    /// Serves until the task is cancelled, or until the `ServiceGroup` it runs in shuts down gracefully.
    public func run(onRunning: @escaping @Sendable (APIServerAddress) async -> Void = { _ in }) async throws {
        try await makeApplication(onRunning: onRunning).run()
    }

    /// Starts serving in the background and returns once listening; stop it with `RunningAPIServer.shutdown()`.
    public func start() async throws -> RunningAPIServer {
        let (addresses, continuation) = AsyncStream.makeStream(of: APIServerAddress.self)
        let application = makeApplication { address in
            continuation.yield(address)
            continuation.finish()
        }
        let group = ServiceGroup(configuration: .init(services: [application], logger: logger))
        let task = Task {
            defer { continuation.finish() }
            try await group.run()
        }
        var iterator = addresses.makeAsyncIterator()
        let requested = APIServerAddress(host: configuration.host, port: configuration.port)
        guard let address = await iterator.next() else {
            do {
                try await task.value
            } catch {
                throw APIServerError.notStarted(address: requested.description, reason: "\(error)")
            }
            throw APIServerError.notStarted(address: requested.description, reason: "the server stopped")
        }
        return RunningAPIServer(address: address, group: group, task: task)
    }
}
