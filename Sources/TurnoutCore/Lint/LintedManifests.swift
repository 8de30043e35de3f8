/// Manifest files loaded into one set and linted together, with every problem sorted by file, line and column: what
/// `turnout lint` prints and what a runtime checks before it applies anything. Pure.
public struct LintedManifests: Sendable {
    /// The objects of every file, in the order given.
    public var set: ManifestSet
    /// Every problem: the loader's, the linter's and the caller's own checks', sorted by file, line and column.
    public var diagnostics: [Diagnostic]

    /// Lints a loaded set.
    public init(_ set: ManifestSet) {
        self.init(set, checks: { _ in [] })
    }

    /// Loads each file's text (named as messages should name it) into one set and lints it.
    public init(texts: [(file: String, text: String)]) {
        self.init(texts: texts, checks: { _ in [] })
    }

    /// Lints a loaded set; `checks` adds the problems a caller finds in it (a runtime's own rules).
    public init(_ set: ManifestSet, checks: (ManifestSet) throws -> [Diagnostic]) rethrows {
        self.set = set
        self.diagnostics = (set.diagnostics + Linter.lint(set) + (try checks(set))).sorted {
            ($0.location.file, $0.location.line, $0.location.column) < ($1.location.file, $1.location.line, $1.location.column)
        }
    }

    /// Loads each file's text into one set and lints it; `checks` adds the problems a caller finds in it.
    public init(texts: [(file: String, text: String)], checks: (ManifestSet) throws -> [Diagnostic]) rethrows {
        var set = ManifestSet()
        for file in texts {
            set = set.merged(with: ManifestLoader.load(text: file.text, file: file.file))
        }
        try self.init(set, checks: checks)
    }

    /// The problems that reject the manifests.
    public var errors: [Diagnostic] { diagnostics.filter(\.isError) }

    /// Whether nothing rejects the manifests (warnings allowed).
    public var isValid: Bool { !diagnostics.contains(where: \.isError) }
}
