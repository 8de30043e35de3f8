/// `POST /api/v1/rollouts/{name}/{operation}` body.
public struct OperationRequest: Sendable, Codable {
    /// `promote --full`.
    public var full: Bool?
    /// `undo --to-revision`.
    public var toRevision: Int?
    /// `set image` container.
    public var container: String?
    /// `set image` image.
    public var image: String?

    /// Creates a body.
    public init(full: Bool? = nil, toRevision: Int? = nil, container: String? = nil, image: String? = nil) {
        self.full = full
        self.toRevision = toRevision
        self.container = container
        self.image = image
    }
}
