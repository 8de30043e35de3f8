import TurnoutCore

/// Creates, scales and deletes revisions, and reports their replicas' readiness.
///
/// Contract: `apply` is idempotent: applying the same targets twice changes nothing the second time.
/// Scaling down drains a replica's traffic before stopping it.
public protocol Workloads: Sendable {
    /// Every revision of a rollout, as observed now.
    func revisions(of rollout: Rollout) async throws -> [RevisionState]
    /// Makes the revisions match `targets`, creating missing ones, and deletes `deleting`.
    func apply(_ targets: [RevisionTarget], deleting: [String], for rollout: Rollout) async throws
}
