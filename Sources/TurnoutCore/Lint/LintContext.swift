/// The diagnostics found in one document, placed where the fields they name are written.
struct LintContext {
    /// A field path as the rules build it, e.g. `[.key("spec"), .key("steps"), .index(2)]`.
    typealias Path = [FieldPath.Component]

    /// Where the document's fields are written.
    let fields: FieldLocations
    /// What the rules have found so far, in the order they found it.
    private(set) var diagnostics: [Diagnostic] = []

    /// Creates an empty context for one document.
    init(fields: FieldLocations) {
        self.fields = fields
    }

    /// Records an error about a field.
    mutating func error(_ path: Path, _ message: String, fix: String? = nil) {
        report(.error, path, message, fix: fix)
    }

    /// Records a warning about a field.
    mutating func warning(_ path: Path, _ message: String, fix: String? = nil) {
        report(.warning, path, message, fix: fix)
    }

    /// Whether the field is written in the document (keys compared case-insensitively).
    func isWritten(_ path: Path) -> Bool {
        fields.contains(Self.text(of: path))
    }

    /// Where to point for a field: its value when written, otherwise the key of its nearest written parent.
    func location(of path: Path) -> SourceLocation {
        if isWritten(path) { return fields.value(Self.text(of: path)) }
        var parent = path
        while !parent.isEmpty {
            parent.removeLast()
            if !parent.isEmpty, isWritten(parent) { return fields.key(Self.text(of: parent)) }
        }
        return fields.document
    }

    /// The diagnostics ordered by where they point, keeping rule order for the same place.
    var sortedDiagnostics: [Diagnostic] {
        diagnostics.enumerated().sorted { lhs, rhs in
            let left = (lhs.element.location.line, lhs.element.location.column, lhs.offset)
            let right = (rhs.element.location.line, rhs.element.location.column, rhs.offset)
            return left < right
        }.map(\.element)
    }

    /// `spec.strategy.canary.steps[2].setWeight`, the form `FieldLocations` looks up.
    static func text(of path: Path) -> String {
        var text = ""
        for component in path {
            switch component {
            case .key(let name): text += text.isEmpty ? name : ".\(name)"
            case .index(let index): text += "[\(index)]"
            }
        }
        return text
    }

    /// A `file:line:column` reference to a place, for messages that point elsewhere.
    static func reference(to location: SourceLocation) -> String {
        location.description
    }

    private mutating func report(_ severity: Diagnostic.Severity, _ path: Path, _ message: String, fix: String?) {
        diagnostics.append(Diagnostic(severity: severity, location: location(of: path), path: FieldPath(path), message: message, fix: fix))
    }
}
