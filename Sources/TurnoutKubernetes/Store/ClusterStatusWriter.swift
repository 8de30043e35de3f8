import KubernetesClient
import TurnoutCore

/// Writes a rollout's status as its group keeps it: the annotations that hold Turnout-only fields for
/// `argoproj.io` first (a merge patch guarded by the resourceVersion), then the status through the `status`
/// subresource (a replace guarded by the resourceVersion). A status equal to the stored one writes nothing.
/// The two writes are not one transaction: the annotations go first, so a crash between them leaves only a
/// fact the next status write repeats.
public struct ClusterStatusWriter: Sendable {
    /// The API server.
    public let client: KubernetesClient
    /// The group's resources.
    public let resources: ClusterResources

    /// Creates a writer.
    public init(client: KubernetesClient, resources: ClusterResources) {
        self.client = client
        self.resources = resources
    }

    /// Replaces the status of `current` (the rollout as last read, Turnout-only fields restored) with `status`;
    /// returns the rollout as stored afterwards, and whether anything was written. A stale `current` fails with
    /// `KubernetesError.conflict`.
    public func write(_ status: RolloutStatus, of current: Rollout) async throws -> (rollout: Rollout, wrote: Bool) {
        var current = current
        let namespace = current.metadata.namespace ?? ""
        var wrote = false
        if let patch = ClusterRolloutCodec.extensionAnnotationsPatch(of: current, to: status) {
            let patched: Rollout = try await client.patch(resources.rollouts, namespace: namespace, name: current.name, patch)
            current = ClusterRolloutCodec.loaded(patched)
            wrote = true
        }
        if current.status == status { return (current, wrote) }
        let body = try ClusterRolloutCodec.statusUpdate(of: current, to: status)
        let saved: Rollout = try await client.updateStatus(resources.rollouts, namespace: namespace, name: current.name, body)
        return (ClusterRolloutCodec.loaded(saved), true)
    }
}
