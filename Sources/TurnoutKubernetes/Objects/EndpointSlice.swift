import KubernetesClient

/// A `discovery.k8s.io` EndpointSlice (`v1`, or `v1beta1` on Kubernetes 1.20: the fields read here are the same).
public struct EndpointSlice: Codable, Sendable, Hashable {
    /// The label naming the Service a slice belongs to.
    public static let serviceNameLabel = "kubernetes.io/service-name"

    /// Name and labels; `kubernetes.io/service-name` names the Service.
    public var metadata: ClusterObjectMeta
    /// `IPv4`, `IPv6` or `FQDN`.
    public var addressType: String?
    /// The endpoints in the slice.
    public var endpoints: [Endpoint]?

    /// One endpoint: a pod's addresses and readiness.
    public struct Endpoint: Codable, Sendable, Hashable {
        /// Its addresses.
        public var addresses: [String]
        /// Whether it is ready (a missing `ready` counts as ready, as the API defines).
        public var conditions: Conditions?
        /// The pod behind it.
        public var targetRef: TargetReference?

        /// Whether traffic may go to it.
        public var isReady: Bool { conditions?.ready ?? true }
    }

    /// An endpoint's conditions.
    public struct Conditions: Codable, Sendable, Hashable {
        /// Ready for traffic.
        public var ready: Bool?
        /// Serving, even while terminating.
        public var serving: Bool?
        /// Being deleted.
        public var terminating: Bool?
    }

    /// The object behind an endpoint.
    public struct TargetReference: Codable, Sendable, Hashable {
        /// Usually `Pod`.
        public var kind: String?
        /// The object's name.
        public var name: String?
        /// The object's namespace.
        public var namespace: String?
        /// The object's uid.
        public var uid: String?
    }

    /// The Service the slice belongs to.
    public var serviceName: String? { metadata.labels?[Self.serviceNameLabel] }

    /// The names of the pods behind its ready endpoints.
    public var readyPodNames: [String] {
        (endpoints ?? []).filter(\.isReady).compactMap { $0.targetRef?.kind == "Pod" ? $0.targetRef?.name : nil }
    }
}
