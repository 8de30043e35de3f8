/// One `--backend ADDR[,ADDR...]=WEIGHT` argument of `turnout proxy`: a pool of replicas and its weight.
public struct BackendArgument: Sendable, Hashable {
    /// The replicas.
    public var upstreams: [UpstreamAddress]
    /// The pool's weight relative to the other backend.
    public var weight: Int

    /// Creates a backend.
    public init(upstreams: [UpstreamAddress], weight: Int) {
        self.upstreams = upstreams
        self.weight = weight
    }

    /// Parses `127.0.0.1:9001=90` or `127.0.0.1:9001,127.0.0.1:9003=90` (weight 1 when `=WEIGHT` is left out).
    public init(parsing text: String) throws(ProxyError) {
        let parts = text.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
        let weight: Int
        if parts.count == 2 {
            guard let parsed = Int(parts[1]), parsed >= 0 else {
                throw .invalidArgument(option: "--backend", value: text, reason: "the weight after '=' must be a non-negative integer")
            }
            weight = parsed
        } else {
            weight = 1
        }
        var upstreams: [UpstreamAddress] = []
        for item in parts[0].split(separator: ",") {
            guard let address = UpstreamAddress(parsing: String(item)) else {
                throw .invalidArgument(option: "--backend", value: text, reason: "'\(item)' is not host:port")
            }
            upstreams.append(address)
        }
        if upstreams.isEmpty { throw .invalidArgument(option: "--backend", value: text, reason: "name at least one host:port") }
        self.init(upstreams: upstreams, weight: weight)
    }
}

/// One `--header-route NAME:VALUE=BACKEND` argument: requests whose header NAME equals VALUE go to BACKEND.
public struct HeaderRouteArgument: Sendable, Hashable {
    /// The header name.
    public var header: String
    /// The exact value that routes.
    public var value: String
    /// The backend, as written in its `--backend` (addresses), or `canary`.
    public var backend: String

    /// Parses `X-Canary:always=127.0.0.1:9002`.
    public init(parsing text: String) throws(ProxyError) {
        guard let colon = text.firstIndex(of: ":"), let equals = text[colon...].firstIndex(of: "=") else {
            throw .invalidArgument(option: "--header-route", value: text, reason: "write NAME:VALUE=BACKEND, e.g. X-Canary:always=127.0.0.1:9002")
        }
        header = String(text[..<colon])
        value = String(text[text.index(after: colon)..<equals])
        backend = String(text[text.index(after: equals)...])
        if header.isEmpty || backend.isEmpty {
            throw .invalidArgument(option: "--header-route", value: text, reason: "the header name and the backend must not be empty")
        }
    }
}

/// Builds the route table `turnout proxy` runs: one catch-all route `default` splitting between the first backend
/// (stable) and the second (canary), weights as given (`canaryWeight` = second weight, `maxWeight` = their sum).
public enum StandaloneRoutes {
    /// The table for these arguments; throws when they cannot make one.
    public static func table(
        backends: [BackendArgument],
        headerRoutes: [HeaderRouteArgument] = [],
        healthCheck: HealthCheck? = nil,
        drainTimeout: Duration = .seconds(30)
    ) throws(ProxyError) -> RouteTable {
        guard (1...2).contains(backends.count) else {
            throw .invalidArgument(option: "--backend", value: "\(backends.count) given", reason: "give one backend, or two: the stable one first, then the canary")
        }
        let stable = UpstreamPool(revision: "stable", upstreams: backends[0].upstreams, healthCheck: healthCheck)
        var split = SplitRoute(stable: stable)
        if backends.count == 2 {
            let total = backends[0].weight + backends[1].weight
            guard total > 0 else { throw .invalidArgument(option: "--backend", value: "weights 0 and 0", reason: "at least one weight must be positive") }
            split.canary = UpstreamPool(revision: "canary", upstreams: backends[1].upstreams, healthCheck: healthCheck)
            split.canaryWeight = backends[1].weight
            split.maxWeight = total
        } else if backends[0].weight == 0 {
            throw .invalidArgument(option: "--backend", value: "weight 0", reason: "a single backend needs a positive weight")
        }
        for (index, route) in headerRoutes.enumerated() {
            guard backends.count == 2, isCanary(route.backend, backends[1]) else {
                throw .invalidArgument(option: "--header-route", value: "\(route.header):\(route.value)=\(route.backend)", reason: "header routes go to the canary: name the second --backend or 'canary'")
            }
            split.headerRoutes.append(HeaderRoute(name: "header-\(index + 1)", headers: [HeaderCondition(header: route.header, match: .exact(route.value))]))
        }
        let table = RouteTable(routes: [Route(name: "default", split: split)], drainTimeout: drainTimeout)
        try table.validate()
        return table
    }

    private static func isCanary(_ text: String, _ backend: BackendArgument) -> Bool {
        if text == "canary" { return true }
        let named = text.split(separator: ",").compactMap { UpstreamAddress(parsing: String($0)) }
        return !named.isEmpty && Set(named).isSubset(of: Set(backend.upstreams))
    }
}
