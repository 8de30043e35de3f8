import TurnoutCore

/// One local process replica of a revision, as the supervisor last started it; lets a restarted daemon
/// re-adopt the process (same pid, still answering on `port`) or start it again.
public struct ReplicaRecord: Sendable, Hashable, Codable {
    /// The rollout the replica belongs to.
    public var rollout: String
    /// The pod-template hash of its revision.
    public var revisionHash: String
    /// Its index within the revision, from 0.
    public var index: Int
    /// The process id; `nil` while it is not running (e.g. waiting for a restart backoff).
    public var pid: Int32?
    /// The loopback port it was given.
    public var port: Int
    /// When the current process started.
    public var startedAt: Instant
    /// How many times it has been restarted after crashing.
    public var restartCount: Int

    /// Creates a record.
    public init(rollout: String, revisionHash: String, index: Int, pid: Int32?, port: Int, startedAt: Instant, restartCount: Int = 0) {
        self.rollout = rollout
        self.revisionHash = revisionHash
        self.index = index
        self.pid = pid
        self.port = port
        self.startedAt = startedAt
        self.restartCount = restartCount
    }
}
