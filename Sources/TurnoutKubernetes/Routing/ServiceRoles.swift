import TurnoutCore

/// The Services a rollout's strategy names, by what they carry: stable services follow `TrafficState.stable`
/// (blue-green active, canary stable), canary services follow `TrafficState.canary` (blue-green preview,
/// canary canary).
public struct ServiceRoles: Sendable, Hashable {
    /// Services pinned to the stable (active) revision.
    public var stable: [String]
    /// Services pinned to the canary (preview) revision.
    public var canary: [String]

    /// The roles a rollout's strategy gives its Services.
    public init(_ rollout: Rollout) {
        let strategy = rollout.spec.strategy
        stable = [strategy?.blueGreen?.activeService, strategy?.canary?.stableService].compactMap { $0 }.filter { !$0.isEmpty }
        canary = [strategy?.blueGreen?.previewService, strategy?.canary?.canaryService].compactMap { $0 }.filter { !$0.isEmpty }
    }

    /// Every Service named, stable first.
    public var all: [String] { stable + canary }

    /// The revision hash each Service should select for a traffic state (Services whose revision is unknown are left out).
    public func selections(for traffic: TrafficState) -> [String: String] {
        var selections: [String: String] = [:]
        if let hash = traffic.stable { for name in stable { selections[name] = hash } }
        if let hash = traffic.canary { for name in canary { selections[name] = hash } }
        return selections
    }
}
