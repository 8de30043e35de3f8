/// Checks the names of Turnout's own kinds.
enum MetadataRules {
    /// Reports a missing name, or one Kubernetes would refuse (not a DNS-1123 subdomain).
    static func checkName(_ metadata: ObjectMeta, kind: String, in context: inout LintContext) {
        let path: LintContext.Path = [.key("metadata"), .key("name")]
        guard let name = metadata.name, !name.isEmpty else {
            if (metadata.generateName ?? "").isEmpty, metadata.name != nil || !context.isWritten(path) {
                context.error(path, "a \(kind) needs a name", fix: "add `name:` under metadata, e.g. `name: demo`")
            }
            return
        }
        if !isSubdomain(name) {
            context.error(
                path, "`\(name)` is not a valid \(kind) name",
                fix: "use at most 253 lowercase letters, digits, '-' and '.', starting and ending with a letter or digit")
        }
    }

    /// Whether a name is a DNS-1123 subdomain, as Kubernetes requires of object names.
    static func isSubdomain(_ name: String) -> Bool {
        guard name.utf8.count <= 253 else { return false }
        return name.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { label in
            guard let first = label.first, let last = label.last else { return false }
            let allowed = label.allSatisfy { ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" }
            return allowed && first != "-" && last != "-"
        }
    }
}
