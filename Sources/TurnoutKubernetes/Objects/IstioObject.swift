import KubernetesClient

/// An Istio `networking.istio.io` object (VirtualService, DestinationRule), its spec kept whole.
public struct IstioObject: Codable, Sendable, Hashable {
    /// Name, resourceVersion.
    public var metadata: ClusterObjectMeta
    /// `http`, `tls`, `tcp` routes of a VirtualService; `host`, `subsets` of a DestinationRule.
    public var spec: KubernetesJSON?

    /// Creates an object.
    public init(metadata: ClusterObjectMeta, spec: KubernetesJSON?) {
        self.metadata = metadata
        self.spec = spec
    }
}
