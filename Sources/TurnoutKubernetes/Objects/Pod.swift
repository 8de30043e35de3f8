import KubernetesClient

/// A `v1` Pod, with the parts Turnout reads: its revision, node, containers and readiness.
public struct Pod: Codable, Sendable, Hashable {
    /// Name, labels, owner references, deletion timestamp.
    public var metadata: ClusterObjectMeta
    /// Where it runs and what.
    public var spec: Spec?
    /// What the kubelet reports.
    public var status: Status?

    /// The parts of a pod's spec Turnout reads.
    public struct Spec: Codable, Sendable, Hashable {
        /// The node it is bound to.
        public var nodeName: String?
        /// Its containers, by name and image.
        public var containers: [Container]?
    }

    /// A container of the pod's spec.
    public struct Container: Codable, Sendable, Hashable {
        /// The container's name.
        public var name: String
        /// Its image.
        public var image: String?
    }

    /// What the kubelet reports about a pod.
    public struct Status: Codable, Sendable, Hashable {
        /// `Pending`, `Running`, `Succeeded`, `Failed` or `Unknown`.
        public var phase: String?
        /// `Ready`, `ContainersReady`, `PodScheduled`…
        public var conditions: [Condition]?
        /// Per-container readiness and restarts.
        public var containerStatuses: [ContainerStatus]?
        /// The pod's address.
        public var podIP: String?
        /// When the kubelet started it (RFC 3339).
        public var startTime: String?
    }

    /// One pod condition.
    public struct Condition: Codable, Sendable, Hashable {
        /// The condition's type, e.g. `Ready`.
        public var type: String
        /// `True`, `False` or `Unknown`.
        public var status: String
        /// When it last changed (RFC 3339).
        public var lastTransitionTime: String?
    }

    /// One container's status.
    public struct ContainerStatus: Codable, Sendable, Hashable {
        /// The container's name.
        public var name: String
        /// Whether it passes readiness.
        public var ready: Bool?
        /// How often it restarted.
        public var restartCount: Int?
    }

    /// The revision's pod-template hash, from its labels.
    public var podTemplateHash: String? { metadata.labels?[ClusterMetadata.podTemplateHash] }

    /// Whether the pod's `Ready` condition is `True` and it is not being deleted.
    public var isReady: Bool {
        metadata.deletionTimestamp == nil
            && status?.conditions?.contains { $0.type == "Ready" && $0.status == "True" } == true
    }

    /// Total restarts of its containers.
    public var restarts: Int { status?.containerStatuses?.reduce(0) { $0 + ($1.restartCount ?? 0) } ?? 0 }
}
