import Logging
import NIOCore
import TurnoutProxy

/// A running proxy on 127.0.0.1 and a free port, for one test.
struct ProxyFixture {
    let server: ProxyServer
    let port: Int

    /// Starts a proxy with one listener `main`, installs `table` when given, runs `body`, and shuts the proxy down.
    static func with(
        table: RouteTable? = nil,
        threads: Int = 1,
        configure: (inout ProxyConfiguration) -> Void = { _ in },
        _ body: (ProxyFixture) async throws -> Void
    ) async throws {
        var configuration = ProxyConfiguration(listeners: [ListenerConfiguration(name: "main", port: 0)], threads: threads)
        configuration.initialHealthTimeout = .seconds(5)
        configure(&configuration)
        var logger = Logger(label: "turnout.proxy.test")
        logger.logLevel = .critical
        let server = ProxyServer(configuration: configuration, logger: logger)
        do {
            try await server.start()
            let port = server.boundAddress(listener: "main")!.port!
            if let table { try await server.install(table) }
            try await body(ProxyFixture(server: server, port: port))
        } catch {
            await server.shutdown()
            throw error
        }
        await server.shutdown()
    }
}

extension UpstreamPool {
    /// A pool of test upstreams.
    init(_ revision: String, _ upstreams: [TestUpstream], healthCheck: HealthCheck? = nil) {
        self.init(revision: revision, upstreams: upstreams.map { UpstreamAddress(parsing: $0.address)! }, healthCheck: healthCheck)
    }
}

extension RouteTable {
    /// One catch-all route `web` splitting between test upstream pools.
    static func split(
        stable: [TestUpstream],
        canary: [TestUpstream]? = nil,
        weight: Int = 0,
        configure: (inout SplitRoute) -> Void = { _ in }
    ) -> RouteTable {
        var split = SplitRoute(stable: UpstreamPool("stable", stable), canary: canary.map { UpstreamPool("canary", $0) }, canaryWeight: weight)
        configure(&split)
        return RouteTable(routes: [Route(name: "web", split: split)], drainTimeout: .seconds(5))
    }
}

extension RouteTable {
    /// One catch-all route `web` to a scripted upstream.
    static func scripted(_ upstream: ScriptedUpstream) -> RouteTable {
        RouteTable(routes: [Route(name: "web", split: SplitRoute(stable: UpstreamPool(revision: "stable", upstreams: [UpstreamAddress(parsing: upstream.address)!])))], drainTimeout: .seconds(5))
    }
}
