/// A kind of Kubernetes resource as the API server addresses it: group, version, plural name and scope.
public struct ResourceType: Sendable, Hashable, CustomStringConvertible {
    /// The API group; empty for the core group (`v1` Pods, Services, ConfigMaps…).
    public var group: String
    /// The API version within the group, e.g. `v1` or `v1beta1`.
    public var version: String
    /// The lower-case plural resource name used in URLs, e.g. `deployments`.
    public var plural: String
    /// Whether objects of this type live in a namespace.
    public var isNamespaced: Bool

    /// Creates a resource type from its group, version, plural name and scope.
    public init(group: String, version: String, plural: String, namespaced: Bool) {
        self.group = group
        self.version = version
        self.plural = plural
        self.isNamespaced = namespaced
    }

    /// `group/version`, or just `version` for the core group (the form `apiVersion` fields use).
    public var groupVersion: String { group.isEmpty ? version : "\(group)/\(version)" }

    /// The URL path of this type's group version: `/api/v1` or `/apis/GROUP/VERSION`.
    public var groupVersionPath: String { group.isEmpty ? "/api/\(version)" : "/apis/\(group)/\(version)" }

    /// The plural name, qualified by the group when there is one (`deployments.apps`).
    public var description: String { group.isEmpty ? plural : "\(plural).\(group)" }

    /// The same resource in another served version of its group.
    public func at(version: String) -> ResourceType {
        ResourceType(group: group, version: version, plural: plural, namespaced: isNamespaced)
    }
}

extension ResourceType {
    /// Core `v1` Namespaces.
    public static let namespaces = ResourceType(group: "", version: "v1", plural: "namespaces", namespaced: false)
    /// Core `v1` Pods.
    public static let pods = ResourceType(group: "", version: "v1", plural: "pods", namespaced: true)
    /// Core `v1` Services.
    public static let services = ResourceType(group: "", version: "v1", plural: "services", namespaced: true)
    /// Core `v1` ConfigMaps.
    public static let configMaps = ResourceType(group: "", version: "v1", plural: "configmaps", namespaced: true)
    /// Core `v1` Secrets.
    public static let secrets = ResourceType(group: "", version: "v1", plural: "secrets", namespaced: true)
    /// Core `v1` Endpoints.
    public static let endpoints = ResourceType(group: "", version: "v1", plural: "endpoints", namespaced: true)
    /// Core `v1` Events.
    public static let events = ResourceType(group: "", version: "v1", plural: "events", namespaced: true)
    /// Core `v1` Nodes.
    public static let nodes = ResourceType(group: "", version: "v1", plural: "nodes", namespaced: false)
    /// Core `v1` ServiceAccounts.
    public static let serviceAccounts = ResourceType(group: "", version: "v1", plural: "serviceaccounts", namespaced: true)
    /// `apps/v1` Deployments.
    public static let deployments = ResourceType(group: "apps", version: "v1", plural: "deployments", namespaced: true)
    /// `apps/v1` ReplicaSets.
    public static let replicaSets = ResourceType(group: "apps", version: "v1", plural: "replicasets", namespaced: true)
    /// `batch/v1` Jobs.
    public static let jobs = ResourceType(group: "batch", version: "v1", plural: "jobs", namespaced: true)
    /// `networking.k8s.io/v1` Ingresses (served since Kubernetes 1.19).
    public static let ingresses = ResourceType(group: "networking.k8s.io", version: "v1", plural: "ingresses", namespaced: true)
    /// Gateway API `gateway.networking.k8s.io/v1` HTTPRoutes (`v1beta1` on older installs: pick with discovery).
    public static let httpRoutes = ResourceType(group: "gateway.networking.k8s.io", version: "v1", plural: "httproutes", namespaced: true)
    /// Istio `networking.istio.io/v1beta1` VirtualServices (pick the version with discovery).
    public static let virtualServices = ResourceType(group: "networking.istio.io", version: "v1beta1", plural: "virtualservices", namespaced: true)
    /// Istio `networking.istio.io/v1beta1` DestinationRules (pick the version with discovery).
    public static let destinationRules = ResourceType(group: "networking.istio.io", version: "v1beta1", plural: "destinationrules", namespaced: true)
    /// Gateway API `gateway.networking.k8s.io/v1` GRPCRoutes (pick the version with discovery).
    public static let grpcRoutes = ResourceType(group: "gateway.networking.k8s.io", version: "v1", plural: "grpcroutes", namespaced: true)
    /// `coordination.k8s.io/v1` Leases.
    public static let leases = ResourceType(group: "coordination.k8s.io", version: "v1", plural: "leases", namespaced: true)
    /// `discovery.k8s.io/v1` EndpointSlices (`v1beta1` on Kubernetes 1.20: pick with discovery).
    public static let endpointSlices = ResourceType(
        group: "discovery.k8s.io", version: "v1", plural: "endpointslices", namespaced: true)
    /// `apiextensions.k8s.io/v1` CustomResourceDefinitions.
    public static let customResourceDefinitions = ResourceType(
        group: "apiextensions.k8s.io", version: "v1", plural: "customresourcedefinitions", namespaced: false)
}
