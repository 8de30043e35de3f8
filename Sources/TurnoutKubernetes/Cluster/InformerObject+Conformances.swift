import KubernetesClient
import TurnoutCore
import TurnoutRuntime

extension Rollout: InformerObject {
    /// Namespace and name.
    public var informerKey: InformerKey { InformerKey(namespace: metadata.namespace ?? "", name: name) }
    /// metadata.resourceVersion.
    public var resourceVersion: String? { metadata.resourceVersion }
}

extension ReplicaSet: InformerObject {
    /// Namespace and name.
    public var informerKey: InformerKey { InformerKey(namespace: metadata.namespaceOrEmpty, name: metadata.name ?? "") }
    /// metadata.resourceVersion.
    public var resourceVersion: String? { metadata.resourceVersion }
}

extension Pod: InformerObject {
    /// Namespace and name.
    public var informerKey: InformerKey { InformerKey(namespace: metadata.namespaceOrEmpty, name: metadata.name ?? "") }
    /// metadata.resourceVersion.
    public var resourceVersion: String? { metadata.resourceVersion }
}

extension Service: InformerObject {
    /// Namespace and name.
    public var informerKey: InformerKey { InformerKey(namespace: metadata.namespaceOrEmpty, name: metadata.name ?? "") }
    /// metadata.resourceVersion.
    public var resourceVersion: String? { metadata.resourceVersion }
}

extension EndpointSlice: InformerObject {
    /// Namespace and name.
    public var informerKey: InformerKey { InformerKey(namespace: metadata.namespaceOrEmpty, name: metadata.name ?? "") }
    /// metadata.resourceVersion.
    public var resourceVersion: String? { metadata.resourceVersion }
}

extension ClusterAnalysisRun: InformerObject {
    /// Namespace and name.
    public var informerKey: InformerKey { InformerKey(namespace: objectMeta.namespaceOrEmpty, name: objectMeta.name ?? "") }
    /// metadata.resourceVersion.
    public var resourceVersion: String? { objectMeta.resourceVersion }
}

extension Job: InformerObject {
    /// Namespace and name.
    public var informerKey: InformerKey { InformerKey(namespace: metadata.namespaceOrEmpty, name: metadata.name ?? "") }
    /// metadata.resourceVersion.
    public var resourceVersion: String? { metadata.resourceVersion }
}

extension InformerKey {
    /// The cache key of an object key.
    public init(_ key: ObjectKey) {
        self.init(namespace: key.namespace, name: key.name)
    }

    /// The object key of a cache key.
    public var objectKey: ObjectKey { ObjectKey(namespace: namespace, name: name) }
}

extension Ingress: InformerObject {
    /// Namespace and name.
    public var informerKey: InformerKey { InformerKey(namespace: metadata.namespaceOrEmpty, name: metadata.name ?? "") }
    /// metadata.resourceVersion.
    public var resourceVersion: String? { metadata.resourceVersion }
}

extension Deployment: InformerObject {
    /// Namespace and name.
    public var informerKey: InformerKey { InformerKey(namespace: metadata.namespaceOrEmpty, name: metadata.name ?? "") }
    /// metadata.resourceVersion.
    public var resourceVersion: String? { metadata.resourceVersion }
}

extension HTTPRoute: InformerObject {
    /// Namespace and name.
    public var informerKey: InformerKey { InformerKey(namespace: metadata.namespaceOrEmpty, name: metadata.name ?? "") }
    /// metadata.resourceVersion.
    public var resourceVersion: String? { metadata.resourceVersion }
}

extension IstioObject: InformerObject {
    /// Namespace and name.
    public var informerKey: InformerKey { InformerKey(namespace: metadata.namespaceOrEmpty, name: metadata.name ?? "") }
    /// metadata.resourceVersion.
    public var resourceVersion: String? { metadata.resourceVersion }
}
