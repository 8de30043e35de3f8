import TurnoutCore

/// The answer to an apply: what changed, warnings, and where services listen.
public struct ApplyResponse: Sendable, Codable {
    /// One line per object, e.g. `Rollout/demo created`.
    public var outcomes: [AppliedObject]
    /// Lint warnings (errors reject the apply instead).
    public var warnings: [Diagnostic]
    /// The address each Service listens on.
    public var listeners: [ListenerView]

    /// Creates a response.
    public init(outcomes: [AppliedObject], warnings: [Diagnostic], listeners: [ListenerView]) {
        self.outcomes = outcomes
        self.warnings = warnings
        self.listeners = listeners
    }
}
