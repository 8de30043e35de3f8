/// The JSON body of a refused request: `{"error":"…"}` naming the action and the fix.
public struct ErrorReply: Codable, Sendable, Hashable {
    /// What failed and how to fix it.
    public var error: String

    /// Creates a reply.
    public init(error: String) {
        self.error = error
    }
}
