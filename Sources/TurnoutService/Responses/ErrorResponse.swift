import TurnoutCore

/// An error answer: a sentence, and lint diagnostics when a manifest was rejected.
public struct ErrorResponse: Sendable, Codable {
    /// What failed, naming the action and object.
    public var error: String
    /// The manifest's problems, when there are any.
    public var diagnostics: [Diagnostic]?

    /// Creates an error answer.
    public init(error: String, diagnostics: [Diagnostic]? = nil) {
        self.error = error
        self.diagnostics = diagnostics
    }
}
