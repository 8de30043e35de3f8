import KubernetesClient
import TurnoutCore
import TurnoutRuntime

/// Builds the ReplicaSets of a rollout's revisions and the patches that bring existing ones to their targets.
/// Pure: the workloads adapter sends what it returns.
public enum ReplicaSetPlan {
    /// `<rollout>-<hash>`, the name Argo Rollouts gives a revision's ReplicaSet.
    public static func name(of target: RevisionTarget, in rollout: Rollout) -> String {
        "\(rollout.name)-\(target.hash)"
    }

    /// The ReplicaSet to create for a revision: the template with the hash label, the rollout's selector
    /// narrowed to the hash, the owner reference, revision and scale-down annotations.
    public static func replicaSet(for target: RevisionTarget, of rollout: Rollout, owner: OwnerReference) -> ReplicaSet {
        var template = target.template
        var templateMetadata = template.metadata ?? PodTemplateMetadata()
        templateMetadata.labels = (templateMetadata.labels ?? [:]).merging([ClusterMetadata.podTemplateHash: target.hash]) { _, hash in hash }
        template.metadata = templateMetadata
        var selector = rollout.spec.selector ?? LabelSelector(matchLabels: target.template.labels)
        selector.matchLabels = (selector.matchLabels ?? [:]).merging([ClusterMetadata.podTemplateHash: target.hash]) { _, hash in hash }
        let labels = (templateMetadata.labels ?? [:]).merging([ClusterMetadata.managedBy: ClusterMetadata.controllerName]) { own, _ in own }
        return ReplicaSet(
            metadata: ClusterObjectMeta(
                name: name(of: target, in: rollout), namespace: rollout.metadata.namespace,
                labels: labels, annotations: annotations(for: target, of: rollout),
                ownerReferences: [owner]),
            spec: ReplicaSet.Spec(replicas: target.replicas, minReadySeconds: rollout.spec.minReadySeconds, selector: selector, template: template))
    }

    /// The annotations a revision's ReplicaSet carries for a target.
    static func annotations(for target: RevisionTarget, of rollout: Rollout) -> [String: String] {
        var annotations = [ClusterMetadata.revision: String(target.number)]
        if let replicas = rollout.spec.replicas { annotations[ClusterMetadata.desiredReplicas] = String(replicas) }
        if let deadline = target.scaleDownAt { annotations[ClusterMetadata.scaleDownDeadline] = deadline.rfc3339 }
        return annotations
    }

    /// The merge patch that brings an existing ReplicaSet to its target (replicas, revision and scale-down
    /// annotations, the owner reference when it is adopted); `nil` when it already matches. The template is
    /// never touched: a revision is immutable.
    public static func patch(bringing replicaSet: ReplicaSet, to target: RevisionTarget, of rollout: Rollout, owner: OwnerReference) -> Patch? {
        var spec: [String: KubernetesJSON] = [:]
        if replicaSet.spec.replicas != target.replicas { spec["replicas"] = .int(target.replicas) }
        var annotations: [String: KubernetesJSON] = [:]
        let current = replicaSet.metadata.annotations ?? [:]
        let wanted = Self.annotations(for: target, of: rollout)
        for (key, value) in wanted where current[key] != value { annotations[key] = .string(value) }
        if target.scaleDownAt == nil, current[ClusterMetadata.scaleDownDeadline] != nil {
            annotations[ClusterMetadata.scaleDownDeadline] = .null
        }
        var metadata: [String: KubernetesJSON] = [:]
        if !annotations.isEmpty { metadata["annotations"] = .object(annotations) }
        if replicaSet.metadata.controllerReference == nil, let reference = try? KubernetesJSON(encoding: owner) {
            metadata["ownerReferences"] = .array([reference])
        }
        guard !spec.isEmpty || !metadata.isEmpty else { return nil }
        var document: [String: KubernetesJSON] = [:]
        if !spec.isEmpty { document["spec"] = .object(spec) }
        if !metadata.isEmpty { document["metadata"] = .object(metadata) }
        return .merge(.object(document))
    }

    /// The pod to restart next for a target's `restartAt`, oldest first, one at a time: only while every pod
    /// of the revision is ready and none is terminating. `nil` when none is due now.
    public static func podToRestart(_ pods: [Pod], replicas: Int, restartAt: String) -> Pod? {
        guard let restartInstant = Instant(rfc3339: restartAt) else { return nil }
        let live = pods.filter { $0.metadata.deletionTimestamp == nil }
        guard live.count == pods.count, live.count >= replicas, live.allSatisfy(\.isReady) else { return nil }
        return live
            .filter { pod in pod.metadata.creationTimestamp.flatMap(Instant.init(rfc3339:)).map { $0 < restartInstant } ?? false }
            .min { ($0.metadata.creationTimestamp ?? "") < ($1.metadata.creationTimestamp ?? "") }
    }

    /// Whether every pod of a revision was created at or after `restartAt`.
    public static func isRestarted(_ pods: [Pod], restartAt: String) -> Bool {
        guard let restartInstant = Instant(rfc3339: restartAt) else { return true }
        return pods.allSatisfy { pod in pod.metadata.creationTimestamp.flatMap(Instant.init(rfc3339:)).map { $0 >= restartInstant } ?? false }
    }
}
