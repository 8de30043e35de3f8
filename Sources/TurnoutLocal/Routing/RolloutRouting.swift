import TurnoutCore

/// What the traffic router needs to know about one rollout: its role services and the traffic the engine wants.
public struct RolloutRouting: Sendable, Hashable {
    /// The rollout's name.
    public var name: String
    /// Its stable revision.
    public var stableHash: String?
    /// The traffic the engine decided.
    public var traffic: TrafficState?
    /// Services pinned to `traffic.stable` (blue-green active, canary stable).
    public var stableServices: Set<String>
    /// Services pinned to `traffic.canary` (blue-green preview, canary canary).
    public var canaryServices: Set<String>
    /// Whether the canary has a traffic router, so weights apply to routes to its stable service.
    public var isWeighted: Bool
    /// The weight that means all traffic.
    public var maxWeight: Int

    /// Reads the roles from a rollout's strategy and the engine's desired traffic.
    public init(rollout: Rollout, traffic: TrafficState?) {
        name = rollout.name
        stableHash = rollout.status?.stableRS
        self.traffic = traffic
        let strategy = rollout.spec.strategy
        stableServices = Set([strategy?.blueGreen?.activeService, strategy?.canary?.stableService].compactMap { $0 })
        canaryServices = Set([strategy?.blueGreen?.previewService, strategy?.canary?.canaryService].compactMap { $0 })
        isWeighted = strategy?.canary?.trafficRouting != nil
        maxWeight = strategy?.canary?.maxTrafficWeight ?? 100
    }
}
