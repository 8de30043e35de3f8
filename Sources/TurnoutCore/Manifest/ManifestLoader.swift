import Foundation
import Yams

/// Loads manifest files into typed objects, collecting every problem as a diagnostic; never throws or crashes.
public enum ManifestLoader {
    /// The kinds Turnout reads as its own, in either API group.
    static let ownKinds: Set<String> = ["Rollout", "AnalysisTemplate", "ClusterAnalysisTemplate", "AnalysisRun"]

    /// Loads every document of a file's bytes.
    public static func load(data: Data, file: String) -> ManifestSet {
        let (documents, diagnostics) = YAMLSource.documents(in: data, file: file)
        return load(documents, file: file, diagnostics: diagnostics)
    }

    /// Loads every document of a file's text.
    public static func load(text: String, file: String) -> ManifestSet {
        let (documents, diagnostics) = YAMLSource.documents(in: text, file: file)
        return load(documents, file: file, diagnostics: diagnostics)
    }

    private static func load(_ documents: [YAMLDocument], file: String, diagnostics: [Diagnostic]) -> ManifestSet {
        var set = ManifestSet(diagnostics: diagnostics)
        for document in documents {
            let (object, problems) = loadObject(document.node, file: file, location: document.location)
            set.diagnostics += problems
            if let object {
                set.documents.append(ManifestDocument(object: object, location: document.location, fieldLocations: FieldLocations(node: document.node, file: file)))
            }
        }
        return set
    }

    /// Decodes one document by its `apiVersion` and `kind`.
    static func loadObject(_ node: Node, file: String, location: SourceLocation) -> (ManifestObject?, [Diagnostic]) {
        guard case .mapping = node else {
            return (nil, [Diagnostic(severity: .error, location: location, path: [], message: "a manifest document must be a mapping with apiVersion and kind", fix: nil)])
        }
        let apiVersion = node["apiVersion"]?.string
        let kind = node["kind"]?.string
        guard let apiVersion, let kind else {
            let missing = apiVersion == nil ? "apiVersion" : "kind"
            return (nil, [Diagnostic(severity: .error, location: location, path: [.key(missing)], message: "missing required field `\(missing)`", fix: "every Kubernetes object needs apiVersion and kind")])
        }
        let decoder = NodeDecoder(file: file)
        if ownKinds.contains(kind) {
            guard APIGroup(apiVersion: apiVersion) != nil else {
                let at = node["apiVersion"]?.mark.map { SourceLocation(file: file, line: $0.line, column: $0.column) } ?? location
                let fix = "use \(APIGroup.turnout.version) or \(APIGroup.argo.version)"
                return (nil, [Diagnostic(severity: .error, location: at, path: [.key("apiVersion")], message: "\(kind) is not served by \(apiVersion)", fix: fix)])
            }
            switch kind {
            case "Rollout":
                let (value, problems) = decoder.decode(Rollout.self, from: node)
                return (value.map(ManifestObject.rollout), problems)
            case "AnalysisRun":
                let (value, problems) = decoder.decode(AnalysisRun.self, from: node)
                return (value.map(ManifestObject.analysisRun), problems)
            default:
                let (value, problems) = decoder.decode(AnalysisTemplate.self, from: node)
                return (value.map(ManifestObject.analysisTemplate), problems)
            }
        }
        let (whole, problems) = decoder.decode(JSONValue.self, from: node)
        let (metadata, metadataProblems) = node["metadata"].map { decoder.decode(ObjectMeta.self, from: $0, at: [.key("metadata")]) } ?? (ObjectMeta(), [])
        guard let whole else { return (nil, problems) }
        let object = KubernetesObject(apiVersion: apiVersion, kind: kind, metadata: metadata ?? ObjectMeta(), document: whole)
        // Unknown metadata fields are not ours to judge for other kinds; keep only real errors.
        return (.other(object), problems + metadataProblems.filter(\.isError))
    }
}
