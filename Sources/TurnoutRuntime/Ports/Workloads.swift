import TurnoutCore

/// Creates, scales and deletes revisions, and reports their replicas' readiness. The rollout passed in is
/// addressed by `rollout.key`; its spec says how replicas start (`minReadySeconds`, probes).
///
/// Contract:
/// - `apply` is idempotent and level-based: applying the same targets twice changes nothing the second time;
///   it returns without waiting for replicas to become ready or to stop.
/// - A revision is immutable: `apply` never rewrites the pod template of a revision that exists (same hash);
///   it only changes its replica count, scale-down time and restart time. A new template is a new revision.
/// - Scaling down drains before it stops. What draining means depends on the runtime:
///   single host: the proxy stops routing new requests to the replica, in-flight requests finish (bounded
///   by the drain timeout), then the process is stopped (preStop, SIGTERM, SIGKILL after the grace period);
///   Kubernetes: the Service no longer selects the pod (its EndpointSlices drop it), then the ReplicaSet is
///   scaled down and the kubelet stops the pod with its grace period.
/// - Errors are `RetryableError`s where retrying can help.
public protocol Workloads: Sendable {
    /// Every revision of a rollout, as observed now.
    func revisions(of rollout: Rollout) async throws -> [RevisionState]
    /// Makes the revisions match `targets`, creating missing ones, and deletes `deleting`.
    func apply(_ targets: [RevisionTarget], deleting: [String], for rollout: Rollout) async throws
}
