/// Finds objects of the same kind, namespace and name: an error within one file, a warning across files.
struct DuplicateNameRules {
    private struct Identity: Hashable {
        var kind: String
        var namespace: String
        var name: String
    }

    private var firstSeen: [Identity: SourceLocation] = [:]

    /// Reports the object when one of its kind, namespace and name was loaded before it.
    mutating func check(_ object: ManifestObject, in context: inout LintContext) {
        let (kind, metadata) = Self.identity(of: object)
        guard let name = metadata.name, !name.isEmpty else { return }
        let identity = Identity(kind: kind, namespace: metadata.namespace ?? "", name: name)
        let path: LintContext.Path = [.key("metadata"), .key("name")]
        if let first = firstSeen[identity] {
            let here = context.location(of: path)
            if first.file == here.file {
                context.error(
                    path, "a second \(kind) named `\(name)` in this file; the first is at \(LintContext.reference(to: first))",
                    fix: "give each \(kind) its own name, or keep only one of them")
            } else {
                context.warning(
                    path, "\(kind) `\(name)` is also defined at \(LintContext.reference(to: first)); applied together, this one replaces it",
                    fix: "keep one definition, or apply the files separately")
            }
        } else {
            firstSeen[identity] = context.location(of: path)
        }
    }

    private static func identity(of object: ManifestObject) -> (kind: String, metadata: ObjectMeta) {
        switch object {
        case .rollout(let rollout): return (rollout.kind, rollout.metadata)
        case .analysisTemplate(let template): return (template.kind, template.metadata)
        case .analysisRun(let run): return (run.kind, run.metadata)
        case .other(let other): return (other.kind, other.metadata)
        }
    }
}
