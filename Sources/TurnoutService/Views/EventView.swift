/// One event.
public struct EventView: Sendable, Codable, Hashable {
    /// When (RFC 3339).
    public var time: String
    /// The typed reason.
    public var reason: String
    /// What happened.
    public var message: String
    /// Whether it needs attention.
    public var isWarning: Bool

    /// Creates an event view.
    public init(time: String, reason: String, message: String, isWarning: Bool) {
        self.time = time
        self.reason = reason
        self.message = message
        self.isWarning = isWarning
    }
}
