import TurnoutCore

/// Reads and writes rollouts, templates, status and events, addressed by key.
///
/// Contract:
/// - Every write is atomic: all of it or nothing.
/// - Write-back: a write returns what it wrote (the rollout as stored afterwards, with its new
///   `metadata.resourceVersion`), and any cache the store reads from is updated with it before the write
///   returns, so the next read never sees an older rollout than the one a write returned. (On Kubernetes an
///   informer cache lags the API server; the adapter puts the write's response into its cache.)
/// - Status writes carry the whole new status and are guarded by a resourceVersion: `saveStatus` fails with
///   a `RetryableError` whose reason is `.conflict` when the rollout is no longer at
///   `expectedResourceVersion`, and then writes nothing. An adapter may send the status as a merge patch of
///   the status subresource (every field set, fields that are gone set to null) with the resourceVersion in
///   the patch; a status equal to the stored one may write nothing, but the version is checked all the same.
/// - Status writes never change the spec.
/// - `nil` from a read means the object does not exist (in that namespace). Failures that may pass on their
///   own (a busy database, an unreachable API server) are `RetryableError`s with reason `.transient`.
public protocol RolloutStore: Sendable {
    /// The rollout with a key; `nil` when there is none.
    func rollout(_ key: RolloutKey) async throws -> Rollout?
    /// The analysis template with a key (for a cluster-scoped template the key's namespace is ignored); `nil` when there is none.
    func analysisTemplate(_ key: ObjectKey, clusterScoped: Bool) async throws -> AnalysisTemplate?
    /// Replaces the rollout's status if the rollout is still at `expectedResourceVersion` (`nil` skips the
    /// check); returns the rollout as stored afterwards.
    @discardableResult
    func saveStatus(_ status: RolloutStatus, of key: RolloutKey, expectedResourceVersion: String?) async throws -> Rollout
    /// Appends events for a rollout.
    func record(_ events: [RolloutEvent], for key: RolloutKey, at time: Instant) async throws
}
