/// The JSON body of `GET /color`: `{"color":"blue"}`, plus `error` on an injected failure.
public struct ColorReply: Codable, Sendable, Hashable {
    /// The instance's colour, a name or `#rrggbb`.
    public var color: String
    /// Why the request failed; `nil` (absent from the JSON) on success.
    public var error: String?

    /// Creates a reply.
    public init(color: String, error: String? = nil) {
        self.color = color
        self.error = error
    }
}
