/// Everything the proxy routes: routes by listener, host and path prefix, and the drain timeout for removed upstreams.
///
/// Installed as a whole with `ProxyServer.install(_:)`; every event loop switches to it atomically.
public struct RouteTable: Sendable, Hashable {
    /// The routes; for a request, the most specific host wins, then the longest path prefix.
    public var routes: [Route]
    /// How long in-flight requests to a removed upstream may run before their connections are closed.
    public var drainTimeout: Duration

    /// Creates a route table.
    public init(routes: [Route] = [], drainTimeout: Duration = .seconds(30)) {
        self.routes = routes
        self.drainTimeout = drainTimeout
    }

    /// The route named `name`, if any.
    public func route(named name: String) -> Route? {
        routes.first { $0.name == name }
    }
}

/// One route: the requests it takes (listener, hosts, path prefix) and how it splits them.
public struct Route: Sendable, Hashable {
    /// A unique name (a metrics label; `observedWeight(route:)` takes it).
    public var name: String
    /// The listener it applies to; `nil` means every listener.
    public var listener: String?
    /// Host names it applies to (`api.example.com`, `*.example.com`); empty means any host.
    public var hosts: [String]
    /// The path prefix, matched per path segment: `/api` takes `/api` and `/api/x`, not `/apix`.
    public var pathPrefix: String
    /// How it splits traffic.
    public var split: SplitRoute

    /// Creates a route.
    public init(name: String, listener: String? = nil, hosts: [String] = [], pathPrefix: String = "/", split: SplitRoute) {
        self.name = name
        self.listener = listener
        self.hosts = hosts
        self.pathPrefix = pathPrefix
        self.split = split
    }
}

extension Route: Codable {
    private enum CodingKeys: String, CodingKey {
        case name, listener, hosts, pathPrefix, split
    }

    /// Decodes a route; `hosts` and `pathPrefix` may be omitted.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            name: try container.decode(String.self, forKey: .name),
            listener: try container.decodeIfPresent(String.self, forKey: .listener),
            hosts: try container.decodeIfPresent([String].self, forKey: .hosts) ?? [],
            pathPrefix: try container.decodeIfPresent(String.self, forKey: .pathPrefix) ?? "/",
            split: try container.decode(SplitRoute.self, forKey: .split)
        )
    }
}

extension RouteTable: Codable {
    private enum CodingKeys: String, CodingKey {
        case routes, drainTimeoutMilliseconds
    }

    /// Decodes routes and the drain timeout in milliseconds (default 30 000).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            routes: try container.decodeIfPresent([Route].self, forKey: .routes) ?? [],
            drainTimeout: .milliseconds(try container.decodeIfPresent(Int.self, forKey: .drainTimeoutMilliseconds) ?? 30_000)
        )
    }

    /// Encodes routes and the drain timeout in milliseconds.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(routes, forKey: .routes)
        try container.encode(drainTimeout.milliseconds, forKey: .drainTimeoutMilliseconds)
    }
}
