import TurnoutCore

/// Reads and writes rollouts, templates, analysis runs, status and events.
///
/// Contract: every write is atomic; `saveStatus` fails with a retryable error when the rollout changed
/// since it was read at `expectedResourceVersion` (optimistic concurrency), and then nothing is written.
public protocol RolloutStore: Sendable {
    /// The rollout with a name; `nil` when there is none.
    func rollout(named name: String) async throws -> Rollout?
    /// The analysis template with a name (cluster-scoped when asked); `nil` when there is none.
    func analysisTemplate(named name: String, clusterScoped: Bool) async throws -> AnalysisTemplate?
    /// Replaces the rollout's status if the rollout is still at `expectedResourceVersion` (`nil` skips the check).
    func saveStatus(_ status: RolloutStatus, ofRollout name: String, expectedResourceVersion: String?) async throws
    /// Appends events for a rollout.
    func record(_ events: [RolloutEvent], forRollout name: String, at time: Instant) async throws
}
