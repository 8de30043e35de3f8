import KubernetesClient
import TurnoutCore
import TurnoutRuntime

extension Rollout: InformerObject {
    /// Namespace and name.
    public var informerKey: InformerKey { InformerKey(namespace: metadata.namespace ?? "", name: name) }
    /// metadata.resourceVersion.
    public var resourceVersion: String? { metadata.resourceVersion }
}

extension ClusterAnalysisRun: InformerObject {
    /// Namespace and name.
    public var informerKey: InformerKey { InformerKey(namespace: objectMeta.namespaceOrEmpty, name: objectMeta.name ?? "") }
    /// metadata.resourceVersion.
    public var resourceVersion: String? { objectMeta.resourceVersion }
}

extension InformerKey {
    /// The cache key of an object key.
    public init(_ key: ObjectKey) {
        self.init(namespace: key.namespace, name: key.name)
    }

    /// The object key of a cache key.
    public var objectKey: ObjectKey { ObjectKey(namespace: namespace, name: name) }
}

/// A cluster object whose namespace, name and resourceVersion are in `metadata`: its informer key follows.
public protocol ClusterInformerObject: InformerObject {
    /// Name, namespace, resourceVersion.
    var metadata: ClusterObjectMeta { get }
}

extension ClusterInformerObject {
    /// Namespace and name.
    public var informerKey: InformerKey { InformerKey(namespace: metadata.namespaceOrEmpty, name: metadata.name ?? "") }
    /// metadata.resourceVersion.
    public var resourceVersion: String? { metadata.resourceVersion }
}

extension ReplicaSet: ClusterInformerObject {}
extension Pod: ClusterInformerObject {}
extension Service: ClusterInformerObject {}
extension EndpointSlice: ClusterInformerObject {}
extension Job: ClusterInformerObject {}
extension Ingress: ClusterInformerObject {}
extension Deployment: ClusterInformerObject {}
extension GatewayRoute: ClusterInformerObject {}
extension IstioObject: ClusterInformerObject {}
