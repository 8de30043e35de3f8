/// Log lines of a rollout's replicas.
public struct LogsResponse: Sendable, Codable {
    /// The lines, oldest first, each prefixed with its replica.
    public var lines: [String]

    /// Creates a response.
    public init(lines: [String]) {
        self.lines = lines
    }
}
