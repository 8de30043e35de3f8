import TurnoutCore

extension RevisionView {
    /// The view of an observed revision of `rollout` with its replicas. Pure.
    public init(_ revision: RevisionState, replicas: [ReplicaView], in rollout: Rollout) {
        self.init(
            number: revision.number, hash: revision.hash,
            images: revision.template.spec.containers.compactMap(\.image),
            roles: Self.roles(of: revision.hash, in: rollout),
            replicas: revision.replicas, ready: revision.readyReplicas, available: revision.availableReplicas,
            scaleDownAt: revision.scaleDownAt?.rfc3339,
            processes: replicas
        )
    }

    /// The roles the revision with `hash` plays in `rollout`'s status: `stable`, then `active` and `preview` for a
    /// blue-green, or `canary` for the canary's new revision. Pure.
    public static func roles(of hash: String, in rollout: Rollout) -> [String] {
        let status = rollout.status
        var roles: [String] = []
        if status?.stableRS == hash { roles.append("stable") }
        if rollout.spec.strategy?.blueGreen != nil {
            if status?.blueGreen?.activeSelector == hash { roles.append("active") }
            if status?.blueGreen?.previewSelector == hash, status?.blueGreen?.activeSelector != hash { roles.append("preview") }
        } else if status?.currentPodHash == hash, status?.stableRS != hash {
            roles.append("canary")
        }
        return roles
    }
}
