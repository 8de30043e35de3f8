import ArgumentParser

/// `-o json|yaml` for commands whose default output is a table or tree.
enum ResourceOutputFormat: String, ExpressibleByArgument, CaseIterable {
    /// The API's JSON, pretty-printed with sorted keys.
    case json
    /// The same document as YAML.
    case yaml
}
