/// One object loaded from a manifest file, with where it came from.
public struct ManifestDocument: Sendable, Hashable {
    /// The loaded object.
    public var object: ManifestObject
    /// Where the document starts.
    public var location: SourceLocation
    /// Where each field's value is written, for messages about it.
    public var fieldLocations: FieldLocations

    /// Creates a document.
    public init(object: ManifestObject, location: SourceLocation, fieldLocations: FieldLocations) {
        self.object = object
        self.location = location
        self.fieldLocations = fieldLocations
    }
}

/// The objects of one or more manifest files and every problem found loading them.
public struct ManifestSet: Sendable, Hashable {
    /// The loaded documents, in file order.
    public var documents: [ManifestDocument]
    /// Problems found while loading (syntax, types, unknown fields).
    public var diagnostics: [Diagnostic]

    /// Creates a set.
    public init(documents: [ManifestDocument] = [], diagnostics: [Diagnostic] = []) {
        self.documents = documents
        self.diagnostics = diagnostics
    }

    /// Both sets together.
    public func merged(with other: ManifestSet) -> ManifestSet {
        ManifestSet(documents: documents + other.documents, diagnostics: diagnostics + other.diagnostics)
    }

    /// The rollouts.
    public var rollouts: [Rollout] {
        documents.compactMap { if case .rollout(let rollout) = $0.object { return rollout } else { return nil } }
    }

    /// The analysis templates (namespaced and cluster-scoped).
    public var analysisTemplates: [AnalysisTemplate] {
        documents.compactMap { if case .analysisTemplate(let template) = $0.object { return template } else { return nil } }
    }

    /// Whether any diagnostic is an error.
    public var hasErrors: Bool { diagnostics.contains { $0.isError } }
}
