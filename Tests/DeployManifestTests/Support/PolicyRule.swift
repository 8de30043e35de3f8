/// One RBAC rule, as strings.
struct PolicyRule: Hashable, CustomStringConvertible {
    var apiGroups: [String]
    var resources: [String]
    var verbs: [String]
    var resourceNames: [String]

    /// Reads a rule's mapping.
    init(_ mapping: [String: Any]) {
        apiGroups = mapping["apiGroups"] as? [String] ?? []
        resources = mapping["resources"] as? [String] ?? []
        verbs = mapping["verbs"] as? [String] ?? []
        resourceNames = mapping["resourceNames"] as? [String] ?? []
    }

    var description: String { "\(apiGroups) \(resources) \(verbs)\(resourceNames.isEmpty ? "" : " names \(resourceNames)")" }
}
