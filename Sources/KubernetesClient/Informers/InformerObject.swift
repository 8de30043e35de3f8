/// Where an informer keeps an object: its namespace (`""` for cluster-scoped objects) and name.
public struct InformerKey: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The namespace; `""` for cluster-scoped objects.
    public var namespace: String
    /// The name.
    public var name: String

    /// Creates a key.
    public init(namespace: String, name: String) {
        self.namespace = namespace
        self.name = name
    }

    /// `namespace/name`, or the name alone when cluster-scoped.
    public var description: String { namespace.isEmpty ? name : "\(namespace)/\(name)" }

    public static func < (lhs: InformerKey, rhs: InformerKey) -> Bool {
        (lhs.namespace, lhs.name) < (rhs.namespace, rhs.name)
    }
}

/// An object an informer can cache: addressed by namespace and name, versioned by its resourceVersion.
public protocol InformerObject: Decodable, Sendable {
    /// Namespace and name.
    var informerKey: InformerKey { get }
    /// `metadata.resourceVersion`.
    var resourceVersion: String? { get }
}

extension KubernetesJSON: InformerObject {
    /// `metadata.namespace` and `metadata.name`.
    public var informerKey: InformerKey {
        InformerKey(namespace: self[path: ["metadata", "namespace"]]?.stringValue ?? "", name: self[path: ["metadata", "name"]]?.stringValue ?? "")
    }

    /// `metadata.resourceVersion`.
    public var resourceVersion: String? { self[path: ["metadata", "resourceVersion"]]?.stringValue }
}

/// One change an informer saw, delivered to every subscriber in order.
public enum InformerChange<Object: InformerObject>: Sendable {
    /// An object appeared.
    case added(Object)
    /// An object changed; `old` is what the cache held before.
    case modified(old: Object?, new: Object)
    /// An object went away; its last state.
    case deleted(Object)
    /// A list (the first, or a relist) is in the cache.
    case synced
}
