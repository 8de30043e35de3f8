import Logging
import TurnoutCore

/// Reads a rollout's snapshot through the ports, asks the engine for a decision, and carries it out.
///
/// Every step is idempotent, so a crash anywhere is repaired by the next `reconcile`.
public struct RolloutDriver: Sendable {
    /// Where rollouts and status live.
    public var store: any RolloutStore
    /// Where revisions run.
    public var workloads: any Workloads
    /// What moves traffic.
    public var router: any TrafficRouter
    /// Where analysis runs are kept.
    public var analysisRuns: any AnalysisRuns
    /// The time.
    public var clock: any InstantClock
    /// Where to log.
    public var logger: Logger

    /// Creates a driver over a set of adapters.
    public init(store: any RolloutStore, workloads: any Workloads, router: any TrafficRouter, analysisRuns: any AnalysisRuns, clock: any InstantClock, logger: Logger) {
        self.store = store
        self.workloads = workloads
        self.router = router
        self.analysisRuns = analysisRuns
        self.clock = clock
        self.logger = logger
    }

    /// Reconciles one rollout; returns the decision carried out, or `nil` when the rollout does not exist.
    @discardableResult
    public func reconcile(rolloutNamed name: String) async throws -> Decision? {
        guard let rollout = try await store.rollout(named: name) else { return nil }
        let snapshot = RolloutSnapshot(
            rollout: rollout,
            revisions: try await workloads.revisions(of: rollout),
            traffic: try await router.observedTraffic(for: rollout),
            analysisRuns: try await analysisRuns.runs(of: rollout)
        )
        let now = clock.now()
        let decision = TurnoutCore.reconcile(snapshot, now: now)
        try await carryOut(decision, for: rollout)
        return decision
    }

    /// Applies a decision: revisions, traffic, analysis, then status (refused if the rollout changed meanwhile; the next reconcile retries).
    func carryOut(_ decision: Decision, for rollout: Rollout) async throws {
        var metadata = logger
        metadata[metadataKey: "rollout.name"] = "\(rollout.name)"
        try await workloads.apply(decision.revisions, deleting: decision.revisionsToDelete, for: rollout)
        if let traffic = decision.traffic {
            try await router.setTraffic(traffic, for: rollout)
        }
        for name in decision.analysisRunsToTerminate {
            try await analysisRuns.terminate(name)
        }
        for request in decision.analysisRunsToStart {
            try await analysisRuns.start(request, for: rollout)
        }
        try await store.saveStatus(decision.status, ofRollout: rollout.name, expectedResourceVersion: rollout.metadata.resourceVersion)
        if !decision.events.isEmpty {
            try await store.record(decision.events, forRollout: rollout.name, at: clock.now())
            for event in decision.events {
                metadata.log(level: event.isWarning ? .warning : .info, "\(event.message)", metadata: ["rollout.event": "\(event.reason.rawValue)"])
            }
        }
    }
}
