import KubernetesClient

/// A Gateway API route, an HTTPRoute or a GRPCRoute (`gateway.networking.k8s.io` `v1` or `v1beta1`). Spec and status are kept whole, so
/// rules and fields Turnout does not change go back as they came.
public struct GatewayRoute: Codable, Sendable, Hashable {
    /// Name, generation, resourceVersion.
    public var metadata: ClusterObjectMeta
    /// parentRefs, hostnames, rules.
    public var spec: KubernetesJSON?
    /// What the Gateways' controllers report: `parents[].conditions`.
    public var status: KubernetesJSON?

    /// Creates an HTTPRoute.
    public init(metadata: ClusterObjectMeta, spec: KubernetesJSON?, status: KubernetesJSON? = nil) {
        self.metadata = metadata
        self.spec = spec
        self.status = status
    }
}

/// The Gateway API route kinds Turnout weighs.
public enum GatewayRouteKind: String, Sendable, Hashable, CaseIterable {
    /// `HTTPRoute`.
    case http = "HTTPRoute"
    /// `GRPCRoute`.
    case grpc = "GRPCRoute"
}
