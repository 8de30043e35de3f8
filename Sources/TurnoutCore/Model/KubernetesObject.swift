/// Any other Kubernetes object in a manifest (Service, Ingress, Deployment, ConfigMap, ...), kept whole.
public struct KubernetesObject: Sendable, Hashable, Codable {
    /// The object's `apiVersion`.
    public var apiVersion: String
    /// The object's `kind`.
    public var kind: String
    /// The object's metadata.
    public var metadata: ObjectMeta
    /// The whole document, as written.
    public var document: JSONValue

    /// Creates an object from its parts.
    public init(apiVersion: String, kind: String, metadata: ObjectMeta, document: JSONValue) {
        self.apiVersion = apiVersion
        self.kind = kind
        self.metadata = metadata
        self.document = document
    }

    /// The object's name, or an empty string.
    public var name: String { metadata.name ?? "" }
}
