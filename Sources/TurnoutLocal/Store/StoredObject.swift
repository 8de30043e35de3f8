import TurnoutCore

/// An applied object in the form the `object` table keeps: identity columns, the document without status and
/// server-assigned metadata, and the part whose change bumps `metadata.generation`.
struct StoredObject: Sendable, Hashable {
    /// The kinds stored without a namespace.
    static let clusterScopedKinds: Set<String> = ["ClusterAnalysisTemplate", "Namespace", "ClusterRole", "ClusterRoleBinding", "CustomResourceDefinition", "IngressClass", "PriorityClass", "StorageClass"]
    /// Metadata fields the store assigns; ignored when applied.
    static let serverMetadataKeys: Set<String> = ["resourceVersion", "generation", "uid", "creationTimestamp", "managedFields", "selfLink"]

    /// The object's kind.
    var kind: String
    /// The namespace, `""` for cluster-scoped kinds.
    var namespace: String
    /// The object's name.
    var name: String
    /// The object's `apiVersion`.
    var apiVersion: String
    /// The object as JSON, without status and server-assigned metadata.
    var document: String
    /// The JSON whose change bumps the generation (the spec; for other kinds, all but metadata and status).
    var spec: String

    /// `kind/name`, as in messages.
    var reference: String { "\(kind)/\(name)" }

    /// The stored form of an applied object, kept in `namespace` unless its kind is cluster-scoped.
    init(_ object: ManifestObject, namespace: String) throws {
        let action = "apply \(object.reference)"
        switch object {
        case .rollout(var rollout):
            rollout.status = nil
            rollout.metadata = Self.normalized(rollout.metadata)
            self.init(kind: "Rollout", name: rollout.name, apiVersion: rollout.apiVersion, namespace: namespace,
                      document: try JSONColumn.encode(rollout, action: action), spec: try JSONColumn.encode(rollout.spec, action: action))
        case .analysisTemplate(var template):
            template.metadata = Self.normalized(template.metadata)
            self.init(kind: template.kind, name: template.name, apiVersion: template.apiVersion, namespace: namespace,
                      document: try JSONColumn.encode(template, action: action), spec: try JSONColumn.encode(template.spec, action: action))
        case .analysisRun(var run):
            run.status = nil
            run.metadata = Self.normalized(run.metadata)
            self.init(kind: "AnalysisRun", name: run.metadata.name ?? "", apiVersion: run.apiVersion, namespace: namespace,
                      document: try JSONColumn.encode(run, action: action), spec: try JSONColumn.encode(run.spec, action: action))
        case .other(var other):
            other.metadata = Self.normalized(other.metadata)
            var fields: [String: JSONValue] = [:]
            if case .object(let whole) = other.document { fields = whole }
            fields["status"] = nil
            if case .object(var metadata)? = fields["metadata"] {
                for key in Self.serverMetadataKeys { metadata[key] = nil }
                metadata["namespace"] = nil
                fields["metadata"] = .object(metadata)
            }
            if case .object = other.document { other.document = .object(fields) }
            var specFields = fields
            specFields["metadata"] = nil
            self.init(kind: other.kind, name: other.name, apiVersion: other.apiVersion, namespace: namespace,
                      document: try JSONColumn.encode(other, action: action), spec: try JSONColumn.encode(JSONValue.object(specFields), action: action))
        }
    }

    private init(kind: String, name: String, apiVersion: String, namespace: String, document: String, spec: String) {
        self.kind = kind
        self.name = name
        self.apiVersion = apiVersion
        self.namespace = Self.clusterScopedKinds.contains(kind) ? "" : namespace
        self.document = document
        self.spec = spec
    }

    /// Metadata without the fields the store assigns or keeps in columns.
    private static func normalized(_ metadata: ObjectMeta) -> ObjectMeta {
        var metadata = metadata
        metadata.namespace = nil
        metadata.resourceVersion = nil
        metadata.generation = nil
        metadata.uid = nil
        metadata.creationTimestamp = nil
        return metadata
    }

    /// The generation-relevant JSON of a stored document of `kind`.
    static func spec(ofDocument document: String, kind: String, reference: String) throws -> String {
        let object = try manifestObject(kind: kind, document: document, reference: reference)
        return try StoredObject(object, namespace: "").spec
    }

    /// The object a stored document of `kind` holds, without server-assigned metadata.
    static func manifestObject(kind: String, document: String, reference: String) throws -> ManifestObject {
        let action = "read \(reference)"
        switch kind {
        case "Rollout":
            return .rollout(try JSONColumn.decode(Rollout.self, from: document, action: action))
        case "AnalysisTemplate", "ClusterAnalysisTemplate":
            return .analysisTemplate(try JSONColumn.decode(AnalysisTemplate.self, from: document, action: action))
        case "AnalysisRun":
            return .analysisRun(try JSONColumn.decode(AnalysisRun.self, from: document, action: action))
        default:
            return .other(try JSONColumn.decode(KubernetesObject.self, from: document, action: action))
        }
    }
}
