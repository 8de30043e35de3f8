import ArgumentParser

/// How a command prints results.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    /// Aligned columns for people.
    case table
    /// One JSON document for programs.
    case json
}
