/// One problem found in a manifest, located by file, line, column and field path.
public struct Diagnostic: Sendable, Hashable, Codable {
    /// How bad a problem is: errors make a manifest invalid, warnings do not.
    public enum Severity: String, Sendable, Hashable, Codable {
        /// The manifest is invalid and must not be applied.
        case error
        /// The manifest loads, but probably not as its author meant.
        case warning
    }

    /// Whether the problem makes the manifest invalid.
    public var severity: Severity
    /// Where the problem is.
    public var location: SourceLocation
    /// The field the problem is about; empty for problems with the file itself.
    public var path: FieldPath
    /// What is wrong, for a person.
    public var message: String
    /// How to fix it, when there is one obvious fix.
    public var fix: String?

    /// Creates a diagnostic.
    public init(
        severity: Severity,
        location: SourceLocation,
        path: FieldPath = [],
        message: String,
        fix: String? = nil
    ) {
        self.severity = severity
        self.location = location
        self.path = path
        self.message = message
        self.fix = fix
    }

    /// Whether this diagnostic is an error rather than a warning.
    public var isError: Bool {
        switch severity {
        case .error: return true
        case .warning: return false
        }
    }

    /// The one-line form `FILE:LINE:COL: [warning: ][PATH: ]MESSAGE[; FIX]`.
    public var rendered: String {
        var text = "\(location.file):\(location.line):\(location.column): "
        switch severity {
        case .error: break
        case .warning: text += "warning: "
        }
        if !path.isEmpty {
            text += "\(path): "
        }
        text += message
        if let fix {
            text += "; \(fix)"
        }
        return text
    }
}

extension Diagnostic: CustomStringConvertible {
    /// The rendered one-line form.
    public var description: String { rendered }
}
