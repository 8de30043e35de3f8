/// The last lines of one replica's log.
public struct ReplicaLogTail: Sendable, Hashable, Codable {
    /// The revision's pod-template hash.
    public var revisionHash: String
    /// The replica's index.
    public var index: Int
    /// The current log file.
    public var path: String
    /// The lines, oldest first, without line ends.
    public var lines: [String]

    /// Creates a tail.
    public init(revisionHash: String, index: Int, path: String, lines: [String]) {
        self.revisionHash = revisionHash
        self.index = index
        self.path = path
        self.lines = lines
    }
}
