import NIOHTTP1

/// The side of a split a request goes to.
public enum SplitDestination: String, Sendable, Hashable, Codable {
    /// The stable pool.
    case stable
    /// The canary pool.
    case canary
}

/// Why a request went where it went.
public enum SplitReason: Sendable, Hashable {
    /// A header route matched (its name).
    case headerRoute(String)
    /// A cookie route matched (its name).
    case cookieRoute(String)
    /// The sticky value's hash chose the side.
    case sticky
    /// The weighted round-robin chose the side.
    case weight
}

/// One routing decision: the side, the reason, and the sticky hash when there was one.
struct SplitDecision: Hashable {
    var destination: SplitDestination
    var reason: SplitReason
    var stickyHash: UInt64?
}

/// Decides stable or canary for each request of one route; holds the weighted round-robin state.
///
/// Pure: no I/O. One instance per route per event loop, so no locks.
struct SplitSelector {
    private struct CompiledHeaderRoute {
        let name: String
        let conditions: [(header: String, match: CompiledValueMatch)]
    }

    private struct CompiledCookieRoute {
        let name: String
        let cookie: String
        let match: CompiledValueMatch
    }

    private let headerRoutes: [CompiledHeaderRoute]
    private let cookieRoutes: [CompiledCookieRoute]
    private let sticky: StickySession?
    private let hasCanary: Bool
    /// The canary's share and its scale.
    let canaryWeight: Int
    let maxWeight: Int
    private var roundRobin: SmoothWeightedRoundRobin

    /// Compiles the split's conditions; throws when a regular expression is invalid.
    init(_ split: SplitRoute) throws {
        headerRoutes = try split.headerRoutes.map { route in
            CompiledHeaderRoute(name: route.name, conditions: try route.headers.map { ($0.header, try CompiledValueMatch($0.match)) })
        }
        cookieRoutes = try split.cookieRoutes.map { CompiledCookieRoute(name: $0.name, cookie: $0.cookie, match: try CompiledValueMatch($0.match)) }
        sticky = split.sticky
        hasCanary = split.canary != nil
        let maxWeight = max(1, split.maxWeight)
        let canaryWeight = split.canary == nil ? 0 : min(maxWeight, max(0, split.canaryWeight))
        self.maxWeight = maxWeight
        self.canaryWeight = canaryWeight
        roundRobin = SmoothWeightedRoundRobin(weights: [maxWeight - canaryWeight, canaryWeight])
    }

    /// Chooses the side for a request with these headers.
    mutating func select(_ headers: HTTPHeaders) -> SplitDecision {
        guard hasCanary else { return SplitDecision(destination: .stable, reason: .weight) }
        for route in headerRoutes where !route.conditions.isEmpty && route.conditions.allSatisfy({ condition in
            headers.first(name: condition.header).map { condition.match.matches($0) } ?? false
        }) {
            return SplitDecision(destination: .canary, reason: .headerRoute(route.name))
        }
        for route in cookieRoutes {
            if let value = CookieHeader.value(named: route.cookie, in: headers), route.match.matches(value) {
                return SplitDecision(destination: .canary, reason: .cookieRoute(route.name))
            }
        }
        if let sticky, let key = Self.stickyKey(sticky, in: headers) {
            let hash = StickyHash.fnv1a(key)
            let bucket = Int(hash % UInt64(maxWeight))
            return SplitDecision(destination: bucket < canaryWeight ? .canary : .stable, reason: .sticky, stickyHash: hash)
        }
        return SplitDecision(destination: roundRobin.next() == 1 ? .canary : .stable, reason: .weight)
    }

    /// The hashed value for a sticky session, when the request carries it.
    static func stickyKey(_ sticky: StickySession, in headers: HTTPHeaders) -> Substring? {
        switch sticky {
        case .cookie(let name):
            return CookieHeader.value(named: name, in: headers)
        case .header(let name):
            return headers.first(name: name).map { $0[...] }
        }
    }
}
