/// Kubernetes object metadata: the subset Turnout reads and writes.
public struct ObjectMeta: Sendable, Hashable, Codable {
    /// The object's name, unique per kind and namespace.
    public var name: String?
    /// The namespace; `nil` means the runtime's default.
    public var namespace: String?
    /// Identifying labels.
    public var labels: [String: String]?
    /// Non-identifying annotations.
    public var annotations: [String: String]?
    /// Server-assigned version used for optimistic concurrency.
    public var resourceVersion: String?
    /// Incremented on every spec change.
    public var generation: Int?
    /// Server-assigned unique identifier.
    public var uid: String?
    /// Prefix for a server-generated name.
    public var generateName: String?
    /// When the object was created (RFC 3339), kept as written.
    public var creationTimestamp: String?

    /// Creates metadata with a name and optional labels.
    public init(name: String? = nil, namespace: String? = nil, labels: [String: String]? = nil, annotations: [String: String]? = nil) {
        self.name = name
        self.namespace = namespace
        self.labels = labels
        self.annotations = annotations
    }
}
