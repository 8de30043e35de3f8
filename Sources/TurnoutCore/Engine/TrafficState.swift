/// Where traffic goes: desired in a decision, observed in a snapshot (the router's `observedWeight`).
///
/// Canary: `stable` receives production traffic except `canaryWeight` percent, which goes to `canary`;
/// a `nil` weight means the split follows replica counts (no traffic router).
/// Blue-green: `stable` is what the active service selects and `canary` what the preview service selects.
public struct TrafficState: Sendable, Hashable, Codable {
    /// The revision hash receiving production traffic (canary stable, blue-green active).
    public var stable: String?
    /// The revision hash of the canary or preview destination.
    public var canary: String?
    /// Percent of production traffic routed to `canary`; `nil` when replica counts decide.
    public var canaryWeight: Int?
    /// Header routes to the canary, in effect or wanted.
    public var headerRoutes: [SetHeaderRoute]
    /// Mirror routes to the canary, in effect or wanted.
    public var mirrorRoutes: [SetMirrorRoute]
    /// In an observed state, `false` says the runtime has no request router: header and mirror routes are never
    /// installed (and `headerRoutes`/`mirrorRoutes` are empty), so the engine does not wait for them and says
    /// they were not carried out. `nil` or `true`: routes are reported as installed, verified by name.
    public var routesRequests: Bool?

    /// Creates a traffic state.
    public init(stable: String?, canary: String?, canaryWeight: Int? = nil, headerRoutes: [SetHeaderRoute] = [], mirrorRoutes: [SetMirrorRoute] = [], routesRequests: Bool? = nil) {
        self.stable = stable
        self.canary = canary
        self.canaryWeight = canaryWeight
        self.headerRoutes = headerRoutes
        self.mirrorRoutes = mirrorRoutes
        self.routesRequests = routesRequests
    }

    /// Whether the services select the same revisions as in `other` (the pins), whatever the weights.
    public func hasSamePins(as other: TrafficState) -> Bool {
        stable == other.stable && canary == other.canary
    }

    /// The names of the header and mirror routes, in order.
    public var routeNames: (header: [String], mirror: [String]) {
        (headerRoutes.map(\.name), mirrorRoutes.map(\.name))
    }
}
