import KubernetesClient

/// The metadata of a cluster object as the API server returns it (owner references, deletion timestamp and
/// all), as opposed to TurnoutCore's `ObjectMeta`, which holds what a manifest says.
public typealias ClusterObjectMeta = ObjectMeta

/// An owner reference of a cluster object.
public typealias ClusterOwnerReference = OwnerReference

extension ObjectMeta {
    /// The owner that is the object's controller, if any.
    public var controllerReference: OwnerReference? {
        ownerReferences?.first { $0.controller == true }
    }

    /// The object's namespace, `""` when it has none.
    public var namespaceOrEmpty: String { namespace ?? "" }
}
