import TurnoutCore

/// The address of a namespaced object (a rollout, a template, an analysis run): its namespace and name, as
/// a cluster addresses it. Cluster-scoped objects have the namespace `""`.
public struct ObjectKey: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    /// The namespace an object without one lives in, and the single-host runtime's only namespace.
    public static let defaultNamespace = "default"

    /// The namespace; `""` for cluster-scoped objects.
    public var namespace: String
    /// The name inside the namespace.
    public var name: String

    /// Creates a key; the namespace defaults to `default`.
    public init(namespace: String = ObjectKey.defaultNamespace, name: String) {
        self.namespace = namespace
        self.name = name
    }

    /// `namespace/name`, or just the name when cluster-scoped.
    public var description: String { namespace.isEmpty ? name : "\(namespace)/\(name)" }

    /// Another object's key in the same namespace.
    public func sibling(named name: String) -> ObjectKey { ObjectKey(namespace: namespace, name: name) }

    public static func < (lhs: ObjectKey, rhs: ObjectKey) -> Bool {
        (lhs.namespace, lhs.name) < (rhs.namespace, rhs.name)
    }
}

/// The key of a rollout.
public typealias RolloutKey = ObjectKey

extension Rollout {
    /// The rollout's key: its namespace (`default` when it names none) and name.
    public var key: RolloutKey {
        RolloutKey(namespace: metadata.namespace.flatMap { $0.isEmpty ? nil : $0 } ?? ObjectKey.defaultNamespace, name: name)
    }
}
