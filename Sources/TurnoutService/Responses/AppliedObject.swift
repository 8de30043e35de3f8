/// One object an apply created, configured or left unchanged.
public struct AppliedObject: Sendable, Codable, Hashable {
    /// The kind.
    public var kind: String
    /// The name.
    public var name: String
    /// `created`, `configured` or `unchanged`.
    public var result: String

    /// Creates an entry.
    public init(kind: String, name: String, result: String) {
        self.kind = kind
        self.name = name
        self.result = result
    }
}
