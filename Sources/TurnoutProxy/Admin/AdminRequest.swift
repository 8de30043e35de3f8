/// What an admin request asks for, decided from its method and path alone.
public enum AdminAction: Sendable, Hashable {
    /// `GET /routes`: the observed routes.
    case showRoutes
    /// `PUT /routes`: install a whole route table (JSON body).
    case replaceRoutes
    /// `PUT /routes/NAME/weight`: set one route's canary weight (JSON body `{"canaryWeight": N}`).
    case setWeight(route: String)
    /// `GET /metrics`: Prometheus text.
    case showMetrics
    /// `GET /healthz`: liveness, no token needed.
    case health
    /// A known path with the wrong method (405).
    case methodNotAllowed(allowed: String)
    /// Anything else (404).
    case notFound

    /// Routes a request; pure.
    public init(method: String, path: String) {
        let path = path.split(separator: "?", maxSplits: 1).first.map(String.init) ?? path
        let segments = path.split(separator: "/", omittingEmptySubsequences: true)
        switch (method, segments.count, segments.first) {
        case ("GET", 1, "routes"): self = .showRoutes
        case ("PUT", 1, "routes"): self = .replaceRoutes
        case (_, 1, "routes"): self = .methodNotAllowed(allowed: "GET, PUT")
        case ("PUT", 3, "routes") where segments[2] == "weight": self = .setWeight(route: String(segments[1]))
        case (_, 3, "routes") where segments[2] == "weight": self = .methodNotAllowed(allowed: "PUT")
        case ("GET", 1, "metrics"): self = .showMetrics
        case (_, 1, "metrics"): self = .methodNotAllowed(allowed: "GET")
        case ("GET", 1, "healthz"): self = .health
        case (_, 1, "healthz"): self = .methodNotAllowed(allowed: "GET")
        default: self = .notFound
        }
    }

    /// Whether the action needs the bearer token (when one is configured).
    public var needsToken: Bool {
        switch self {
        case .health, .notFound: return false
        case .showRoutes, .replaceRoutes, .setWeight, .showMetrics, .methodNotAllowed: return true
        }
    }
}

/// Checks an `Authorization` header against the admin token.
public enum AdminAuthorization {
    /// Whether `header` is `Bearer <token>`; compared in constant time. Without a configured token, everything passes.
    public static func isAuthorized(header: String?, token: String?) -> Bool {
        guard let token else { return true }
        guard let header, header.hasPrefix("Bearer ") else { return false }
        let given = Array(header.dropFirst("Bearer ".count).utf8)
        let expected = Array(token.utf8)
        var difference = UInt8(given.count == expected.count ? 0 : 1)
        for index in 0..<max(given.count, expected.count) {
            let lhs = index < given.count ? given[index] : 0
            let rhs = index < expected.count ? expected[index] : 0
            difference |= lhs ^ rhs
        }
        return difference == 0
    }

    /// Whether `host` is a loopback address (where the admin endpoint may run without a token).
    public static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }
}

/// The body of `PUT /routes/NAME/weight`.
public struct WeightChange: Sendable, Hashable, Codable {
    /// The new canary weight, `0...maxWeight`.
    public var canaryWeight: Int

    /// Creates a change.
    public init(canaryWeight: Int) {
        self.canaryWeight = canaryWeight
    }
}

/// The body of `GET /routes`: the observed routes.
public struct ObservedRoutes: Sendable, Hashable, Codable {
    /// Every route in effect.
    public var routes: [ObservedRoute]

    /// Creates the body.
    public init(routes: [ObservedRoute]) {
        self.routes = routes
    }
}
