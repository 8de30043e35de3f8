import KubernetesClient

/// A `coordination.k8s.io/v1` Lease: who leads, and until when.
public struct Lease: Codable, Sendable, Hashable {
    /// `coordination.k8s.io/v1`.
    public var apiVersion: String? = "coordination.k8s.io/v1"
    /// `Lease`.
    public var kind: String? = "Lease"
    /// Name, namespace, resourceVersion (the election's optimistic lock).
    public var metadata: ClusterObjectMeta
    /// The holder and its times.
    public var spec: Spec

    /// Creates a lease.
    public init(metadata: ClusterObjectMeta, spec: Spec) {
        self.metadata = metadata
        self.spec = spec
    }

    /// Who holds a lease and since when.
    public struct Spec: Codable, Sendable, Hashable {
        /// The leader's identity.
        public var holderIdentity: String?
        /// How long the lease lasts after a renewal.
        public var leaseDurationSeconds: Int?
        /// When the holder acquired it (MicroTime).
        public var acquireTime: String?
        /// When the holder last renewed it (MicroTime).
        public var renewTime: String?
        /// How often the holder changed.
        public var leaseTransitions: Int?

        /// Creates a spec.
        public init(holderIdentity: String?, leaseDurationSeconds: Int?, acquireTime: String?, renewTime: String?, leaseTransitions: Int?) {
            self.holderIdentity = holderIdentity
            self.leaseDurationSeconds = leaseDurationSeconds
            self.acquireTime = acquireTime
            self.renewTime = renewTime
            self.leaseTransitions = leaseTransitions
        }
    }
}
