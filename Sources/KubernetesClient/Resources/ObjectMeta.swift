/// The `metadata` every object carries, as far as clients commonly read and write it.
public struct ObjectMeta: Codable, Sendable, Hashable {
    /// The object's name.
    public var name: String?
    /// A prefix from which the server makes a unique name on create.
    public var generateName: String?
    /// The namespace, for namespaced objects.
    public var namespace: String?
    /// The server-assigned unique id.
    public var uid: String?
    /// The version for optimistic concurrency: send it back on update to detect conflicts.
    public var resourceVersion: String?
    /// The spec's generation, bumped by the server on every spec change.
    public var generation: Int?
    /// When the object was created (RFC 3339).
    public var creationTimestamp: String?
    /// When deletion was requested (RFC 3339); set while finalizers run.
    public var deletionTimestamp: String?
    /// Labels.
    public var labels: [String: String]?
    /// Annotations.
    public var annotations: [String: String]?
    /// The objects that own this one.
    public var ownerReferences: [OwnerReference]?
    /// Finalizers that must finish before the object goes.
    public var finalizers: [String]?

    /// Creates metadata.
    public init(
        name: String? = nil, generateName: String? = nil, namespace: String? = nil, uid: String? = nil,
        resourceVersion: String? = nil, generation: Int? = nil, creationTimestamp: String? = nil,
        deletionTimestamp: String? = nil, labels: [String: String]? = nil, annotations: [String: String]? = nil,
        ownerReferences: [OwnerReference]? = nil, finalizers: [String]? = nil
    ) {
        self.name = name
        self.generateName = generateName
        self.namespace = namespace
        self.uid = uid
        self.resourceVersion = resourceVersion
        self.generation = generation
        self.creationTimestamp = creationTimestamp
        self.deletionTimestamp = deletionTimestamp
        self.labels = labels
        self.annotations = annotations
        self.ownerReferences = ownerReferences
        self.finalizers = finalizers
    }
}

/// A reference from an object to its owner (garbage collection follows these).
public struct OwnerReference: Codable, Sendable, Hashable {
    /// The owner's `apiVersion`.
    public var apiVersion: String
    /// The owner's kind.
    public var kind: String
    /// The owner's name.
    public var name: String
    /// The owner's UID.
    public var uid: String
    /// Whether the owner is the managing controller.
    public var controller: Bool?
    /// Whether the owner cannot be deleted before this object (foreground deletion).
    public var blockOwnerDeletion: Bool?

    /// Creates an owner reference.
    public init(
        apiVersion: String, kind: String, name: String, uid: String, controller: Bool? = nil,
        blockOwnerDeletion: Bool? = nil
    ) {
        self.apiVersion = apiVersion
        self.kind = kind
        self.name = name
        self.uid = uid
        self.controller = controller
        self.blockOwnerDeletion = blockOwnerDeletion
    }
}
