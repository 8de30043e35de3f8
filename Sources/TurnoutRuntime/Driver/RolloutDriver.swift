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

    /// Reconciles one rollout: measures its analysis runs that are due, reads the snapshot, decides and
    /// carries the decision out; returns the decision, or `nil` when the rollout does not exist.
    /// A `RetryableError` with reason `.conflict` means the rollout changed while it was looked at: nothing
    /// was carried out, and looking again soon is right.
    @discardableResult
    public func reconcile(_ key: RolloutKey) async throws -> Decision? {
        guard let rollout = try await store.rollout(key) else { return nil }
        try await analysisRuns.measureDue(of: rollout)
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

    /// Applies a decision: status first, then revisions, traffic, analysis (and the new runs' first measurements) and events.
    ///
    /// The status is saved first, guarded by the resourceVersion the snapshot was read at, so a decision made
    /// from a stale snapshot (another reconcile, an operation or a lagging cache changed the rollout since)
    /// fails with a conflict before it has any side effect: it can never move traffic back to a weight an
    /// earlier decision already confirmed, nor scale a revision the newer status no longer wants. Saving the
    /// status before the side effects is safe because the engine is level-based: it never counts a step as
    /// done from its own requests, only from what the workloads and the router report, so a crash between
    /// the status and the side effects is repaired by the next reconcile, which asks for the same again.
    func carryOut(_ decision: Decision, for rollout: Rollout) async throws {
        var metadata = logger
        metadata[metadataKey: "rollout.name"] = "\(rollout.key)"
        let saved = try await store.saveStatus(decision.status, of: rollout.key, expectedResourceVersion: rollout.metadata.resourceVersion)
        try await workloads.apply(decision.revisions, deleting: decision.revisionsToDelete, for: saved)
        if let traffic = decision.traffic {
            try await router.setTraffic(traffic, for: saved)
        }
        for name in decision.analysisRunsToTerminate {
            try await analysisRuns.terminate(rollout.key.sibling(named: name))
        }
        for request in decision.analysisRunsToStart {
            try await analysisRuns.start(request, for: saved)
        }
        if !decision.analysisRunsToStart.isEmpty {
            // A new run's first measurement is usually due at once; the next reconcile sees its result.
            try await analysisRuns.measureDue(of: saved)
        }
        if !decision.events.isEmpty {
            try await store.record(decision.events, for: rollout.key, at: clock.now())
            for event in decision.events {
                metadata.log(level: event.isWarning ? .warning : .info, "\(event.message)", metadata: ["rollout.event": "\(event.reason.rawValue)"])
            }
        }
    }
}
