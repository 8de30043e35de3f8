import TurnoutCore
import TurnoutRuntime

/// A store that hands out one old copy of the rollout once, as a lagging cache would, and forwards everything else.
actor StaleOnceStore: RolloutStore {
    let base: any RolloutStore
    var stale: Rollout?

    init(base: any RolloutStore, stale: Rollout) {
        self.base = base
        self.stale = stale
    }

    func rollout(_ key: RolloutKey) async throws -> Rollout? {
        if let stale {
            self.stale = nil
            return stale
        }
        return try await base.rollout(key)
    }

    func analysisTemplate(_ key: ObjectKey, clusterScoped: Bool) async throws -> AnalysisTemplate? {
        try await base.analysisTemplate(key, clusterScoped: clusterScoped)
    }

    func saveStatus(_ status: RolloutStatus, of key: RolloutKey, expectedResourceVersion: String?) async throws -> Rollout {
        try await base.saveStatus(status, of: key, expectedResourceVersion: expectedResourceVersion)
    }

    func record(_ events: [RolloutEvent], for key: RolloutKey, at time: Instant) async throws {
        try await base.record(events, for: key, at: time)
    }
}
