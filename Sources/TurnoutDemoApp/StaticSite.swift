import Hummingbird
import Logging

/// The stand-in for web-server images such as `nginx` and `httpd` in the single-host runtime: serves the files of
/// a directory (`index.html` for a directory) with GET and HEAD.
public struct StaticSite: Sendable {
    /// The directory served.
    public let root: String
    /// Where it listens.
    public let address: ListenAddress
    let logger: Logger

    /// Creates a site serving `root` on `address`.
    public init(root: String, address: ListenAddress, logger: Logger = Logger(label: "turnout.serve-files")) {
        self.root = root
        self.address = address
        self.logger = logger
    }

    /// The Hummingbird application; `onRunning` gets the bound address (useful with port 0).
    public func makeApplication(onRunning: @escaping @Sendable (ListenAddress) async -> Void = { _ in }) -> some ApplicationProtocol {
        let router = Router()
        router.add(middleware: FileMiddleware(root, searchForIndexHtml: true, logger: logger))
        let address = address
        return Application(
            router: router,
            configuration: ApplicationConfiguration(address: .hostname(address.host, port: address.port), serverName: "turnout-serve-files"),
            onServerRunning: { channel in
                await onRunning(ListenAddress(host: address.host, port: channel.localAddress?.port ?? address.port))
            },
            logger: logger
        )
    }

    /// Serves until SIGTERM or SIGINT, then finishes in-flight requests and returns.
    public func run(onRunning: @escaping @Sendable (ListenAddress) async -> Void = { _ in }) async throws {
        try await makeApplication(onRunning: onRunning).runService()
    }
}
