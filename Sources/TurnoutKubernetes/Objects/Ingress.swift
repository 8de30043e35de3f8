import KubernetesClient

/// A `networking.k8s.io/v1` Ingress. The spec is kept whole (rules, TLS, class and fields Turnout does not
/// know), so a canary Ingress copied from a stable one loses nothing.
public struct Ingress: Codable, Sendable, Hashable {
    /// Name, annotations, owner references.
    public var metadata: ClusterObjectMeta
    /// Rules, TLS, `ingressClassName`, as the server returned them.
    public var spec: KubernetesJSON?

    /// Creates an Ingress.
    public init(metadata: ClusterObjectMeta, spec: KubernetesJSON?) {
        self.metadata = metadata
        self.spec = spec
    }

    /// The Services its rules' paths send traffic to, in order, without repeats.
    public var backendServices: [String] {
        var names: [String] = []
        for rule in spec?["rules"]?.arrayValue ?? [] {
            for path in rule[path: ["http", "paths"]]?.arrayValue ?? [] {
                if let name = path[path: ["backend", "service", "name"]]?.stringValue, !names.contains(name) { names.append(name) }
            }
        }
        return names
    }
}
