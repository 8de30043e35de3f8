import Logging
import NIOCore

/// What `turnout proxy` was asked for, as given on the command line.
public struct StandaloneOptions: Sendable, Hashable {
    /// `HOST:PORT` to accept clients on.
    public var listen: String = "127.0.0.1:8080"
    /// `ADDR[,ADDR...]=WEIGHT` per backend: first stable, second canary.
    public var backends: [String] = []
    /// Event loop threads.
    public var threads: Int = System.coreCount
    /// `NAME:VALUE=BACKEND` header routes.
    public var headerRoutes: [String] = []
    /// `HOST:PORT` of the admin endpoint; `nil` for none.
    public var admin: String?
    /// The admin endpoint's bearer token.
    public var adminToken: String?
    /// Health-check path; `nil` for no health checks.
    public var healthPath: String?
    /// Time between health checks.
    public var healthInterval: Duration = .seconds(2)
    /// How long in-flight requests to a removed backend may take.
    public var drainTimeout: Duration = .seconds(30)
    /// Largest request body accepted; `nil` for no limit.
    public var maxBodyBytes: Int?
    /// Append to clients' `X-Forwarded-*` headers instead of replacing them.
    public var trustForwardedHeaders = false
    /// Log level name (`info`, `debug`, ...).
    public var logLevel = "info"

    /// Creates options with the defaults.
    public init() {}

    /// The problem with these options, if any, as a message naming the option.
    public func problem() -> String? {
        if backends.isEmpty { return "name a backend: turnout proxy --backend 127.0.0.1:9001=100" }
        if threads < 1 { return "--threads must be at least 1" }
        if ListenerConfiguration(name: "main", parsing: listen) == nil { return ProxyError.invalidListenAddress(listen).description }
        if let admin, ListenerConfiguration(name: "admin", parsing: admin) == nil { return ProxyError.invalidListenAddress(admin).description }
        if Logger.Level(rawValue: logLevel) == nil { return "--log-level must be one of trace, debug, info, notice, warning, error, critical" }
        return nil
    }

    /// The route table these options describe.
    public func routeTable() throws(ProxyError) -> RouteTable {
        let healthCheck = healthPath.map { HealthCheck(path: $0, interval: healthInterval) }
        var parsedBackends: [BackendArgument] = []
        for text in backends { parsedBackends.append(try BackendArgument(parsing: text)) }
        var parsedRoutes: [HeaderRouteArgument] = []
        for text in headerRoutes { parsedRoutes.append(try HeaderRouteArgument(parsing: text)) }
        return try StandaloneRoutes.table(backends: parsedBackends, headerRoutes: parsedRoutes, healthCheck: healthCheck, drainTimeout: drainTimeout)
    }
}

/// Runs the proxy on its own: builds the table, starts the listener and the admin endpoint, waits, shuts down.
public enum StandaloneProxy {
    /// Starts the proxy, calls `ready` with a one-line banner, runs until `stop` returns, then shuts down gracefully.
    public static func run(_ options: StandaloneOptions, ready: @Sendable (String) -> Void, until stop: @Sendable () async -> Void) async throws {
        if let problem = options.problem() { throw ProxyError.invalidArgument(option: "turnout proxy", value: "", reason: problem) }
        var logger = Logger(label: "turnout.proxy")
        logger.logLevel = Logger.Level(rawValue: options.logLevel) ?? .info
        let table = try options.routeTable()
        let listener = ListenerConfiguration(name: "main", parsing: options.listen)!
        var configuration = ProxyConfiguration(listeners: [listener], threads: options.threads, trustForwardedHeaders: options.trustForwardedHeaders)
        configuration.limits.maxBodyBytes = options.maxBodyBytes
        let server = ProxyServer(configuration: configuration, logger: logger)
        var adminServer: AdminServer?
        do {
            try await server.install(table)
            try await server.start()
            var banner = "turnout proxy listening on http://\(server.boundAddress(listener: "main").map(describe) ?? options.listen)"
            if let admin = options.admin, let address = ListenerConfiguration(name: "admin", parsing: admin) {
                let endpoint = AdminServer(proxy: server, configuration: AdminConfiguration(host: address.host, port: address.port, token: options.adminToken), logger: logger)
                let bound = try await endpoint.start()
                adminServer = endpoint
                banner += ", admin on http://\(describe(bound))"
            }
            ready(banner)
        } catch {
            await adminServer?.shutdown()
            await server.shutdown()
            throw error
        }
        await stop()
        logger.info("stopping")
        await adminServer?.shutdown()
        await server.shutdown()
    }

    private static func describe(_ address: SocketAddress) -> String {
        let host = address.ipAddress ?? "?"
        return host.contains(":") ? "[\(host)]:\(address.port ?? 0)" : "\(host):\(address.port ?? 0)"
    }
}
