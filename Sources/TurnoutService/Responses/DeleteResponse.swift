/// The answer to a delete: which object went away.
public struct DeleteResponse: Sendable, Codable, Hashable {
    /// The kind.
    public var kind: String
    /// The name.
    public var name: String

    /// Creates a response.
    public init(kind: String, name: String) {
        self.kind = kind
        self.name = name
    }
}
