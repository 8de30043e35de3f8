/// What the data plane does for one route right now: the route as installed on every event loop, the health of
/// its upstreams, and the canary weight in effect once health is taken into account.
public struct ObservedRoute: Sendable, Hashable, Codable {
    /// The route as in effect.
    public var route: Route
    /// The install that put it in effect (increases with every `install`).
    public var generation: UInt64
    /// The canary weight actually applied: the configured weight, or 0 when no canary upstream is healthy,
    /// or `maxWeight` when only canary upstreams are (weighted requests fall back to the side that can answer).
    public var effectiveCanaryWeight: Int
    /// Every upstream of both pools with its health.
    public var upstreams: [ObservedUpstream]

    /// Creates an observation.
    public init(route: Route, generation: UInt64, effectiveCanaryWeight: Int, upstreams: [ObservedUpstream]) {
        self.route = route
        self.generation = generation
        self.effectiveCanaryWeight = effectiveCanaryWeight
        self.upstreams = upstreams
    }
}

/// One upstream of an observed route.
public struct ObservedUpstream: Sendable, Hashable, Codable {
    /// Its address.
    public var address: UpstreamAddress
    /// The side of the split its pool is on.
    public var side: SplitDestination
    /// The pool's revision.
    public var revision: String
    /// Whether it passes its health check (always true without one).
    public var isHealthy: Bool

    /// Creates an observation.
    public init(address: UpstreamAddress, side: SplitDestination, revision: String, isHealthy: Bool) {
        self.address = address
        self.side = side
        self.revision = revision
        self.isHealthy = isHealthy
    }
}
