import Hummingbird
import Logging
import TurnoutHTTPServer

/// The demo application of `turnout demo-app`: `/color`, `/faults`, `/healthz` and the live page at `/`.
public struct DemoApplication: Sendable {
    /// The settings this instance was started with.
    public let configuration: DemoConfiguration
    /// The faults in effect, shared by every request.
    public let injector: FaultInjector
    let logger: Logger

    /// Checks the configuration; throws `DemoAppError.tokenRequired` for a non-loopback address without a token.
    public init(configuration: DemoConfiguration, logger: Logger = Logger(label: "turnout.demo-app")) throws(DemoAppError) {
        if configuration.requiresToken, (configuration.token ?? "").isEmpty {
            throw .tokenRequired(host: configuration.address.host)
        }
        self.configuration = configuration
        self.injector = FaultInjector(faults: configuration.faults)
        var logger = logger
        logger[metadataKey: "demo.color"] = "\(configuration.color)"
        self.logger = logger
    }

    /// The routes, for serving or for testing without a socket.
    public func makeRouter() -> Router<BasicRequestContext> {
        let router = Router()
        addRoutes(to: router)
        return router
    }

    /// The Hummingbird application bound to the configured address; `onRunning` gets the bound port (useful with port 0).
    public func makeApplication(
        onRunning: @escaping @Sendable (ListenAddress) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        let address = configuration.address
        let logger = logger
        return Application(
            router: makeRouter(),
            server: .guardedHTTP1(),
            configuration: ApplicationConfiguration(
                address: .hostname(address.host, port: address.port),
                serverName: "turnout-demo-app"
            ),
            onServerRunning: { channel in
                let bound = ListenAddress(host: address.host, port: channel.localAddress?.port ?? address.port)
                logger.info("demo app listening", metadata: ["demo.address": "\(bound)"])
                await onRunning(bound)
            },
            logger: logger
        )
    }

    /// Serves until SIGTERM or SIGINT, then finishes in-flight requests and returns.
    public func run(onRunning: @escaping @Sendable (ListenAddress) async -> Void = { _ in }) async throws {
        try await makeApplication(onRunning: onRunning).runService()
    }
}
