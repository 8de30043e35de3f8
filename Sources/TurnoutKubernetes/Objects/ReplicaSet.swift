import KubernetesClient
import TurnoutCore

/// An `apps/v1` ReplicaSet: one revision of a rollout on a cluster.
public struct ReplicaSet: Codable, Sendable, Hashable {
    /// `apps/v1`.
    public var apiVersion: String? = "apps/v1"
    /// `ReplicaSet`.
    public var kind: String? = "ReplicaSet"
    /// Name, labels, annotations, owner references.
    public var metadata: ClusterObjectMeta
    /// Replicas, selector and pod template.
    public var spec: Spec
    /// What the ReplicaSet controller observed.
    public var status: Status?

    /// Creates a ReplicaSet.
    public init(metadata: ClusterObjectMeta, spec: Spec, status: Status? = nil) {
        self.metadata = metadata
        self.spec = spec
        self.status = status
    }

    /// What a ReplicaSet should run.
    public struct Spec: Codable, Sendable, Hashable {
        /// Desired pods (the API server defaults it to 1).
        public var replicas: Int?
        /// Seconds a pod must be ready before it counts as available.
        public var minReadySeconds: Int?
        /// The pods it owns.
        public var selector: LabelSelector
        /// What each pod runs.
        public var template: PodTemplate

        /// Creates a spec.
        public init(replicas: Int?, minReadySeconds: Int? = nil, selector: LabelSelector, template: PodTemplate) {
            self.replicas = replicas
            self.minReadySeconds = minReadySeconds
            self.selector = selector
            self.template = template
        }
    }

    /// Pod counts the ReplicaSet controller last observed.
    public struct Status: Codable, Sendable, Hashable {
        /// Pods that exist.
        public var replicas: Int?
        /// Pods passing readiness.
        public var readyReplicas: Int?
        /// Pods ready for at least `minReadySeconds`.
        public var availableReplicas: Int?
        /// The generation these counts are for.
        public var observedGeneration: Int?

        /// Creates a status.
        public init(replicas: Int? = nil, readyReplicas: Int? = nil, availableReplicas: Int? = nil, observedGeneration: Int? = nil) {
            self.replicas = replicas
            self.readyReplicas = readyReplicas
            self.availableReplicas = availableReplicas
            self.observedGeneration = observedGeneration
        }
    }

    /// The revision's pod-template hash (its `rollouts-pod-template-hash` label).
    public var podTemplateHash: String? { metadata.labels?[ClusterMetadata.podTemplateHash] }

    /// The revision number from the `rollout.argoproj.io/revision` annotation; 0 when missing.
    public var revisionNumber: Int { metadata.annotations?[ClusterMetadata.revision].flatMap { Int($0) } ?? 0 }

    /// Whether the counts in `status` describe the current spec.
    public var isStatusCurrent: Bool {
        guard let generation = metadata.generation else { return true }
        return (status?.observedGeneration ?? 0) >= generation
    }

    /// The revision as the engine sees it; `nil` for a ReplicaSet without a pod-template hash.
    ///
    /// Counts are conservative while the ReplicaSet controller lags the spec: ready and available never exceed
    /// the desired replicas, and stay at what was observed until the new spec is.
    public var revisionState: RevisionState? {
        guard let hash = podTemplateHash else { return nil }
        let desired = spec.replicas ?? 1
        var template = spec.template
        template.metadata?.labels?[ClusterMetadata.podTemplateHash] = nil
        if template.metadata?.labels?.isEmpty == true { template.metadata?.labels = nil }
        let annotations = metadata.annotations ?? [:]
        return RevisionState(
            hash: hash,
            number: revisionNumber,
            template: template,
            replicas: desired,
            readyReplicas: min(status?.readyReplicas ?? 0, desired),
            availableReplicas: min(status?.availableReplicas ?? 0, desired),
            scaleDownAt: annotations[ClusterMetadata.scaleDownDeadline].flatMap(Instant.init(rfc3339:)),
            restartedAt: annotations[ClusterMetadata.restartedAt]
        )
    }
}
