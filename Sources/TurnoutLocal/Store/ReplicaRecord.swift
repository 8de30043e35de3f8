import TurnoutCore

/// One local process replica of a revision, as the supervisor last started it; lets a restarted daemon
/// re-adopt the process (same pid, still answering on `port`) or start it again.
///
/// The supervisor writes the record with its `launchID` and no `pid` before it starts the process, and the pid
/// right after: a daemon killed in between leaves a record that still finds the process (by the launch id in
/// its environment), so no replica it started is ever unknown to the next daemon.
public struct ReplicaRecord: Sendable, Hashable, Codable {
    /// The rollout the replica belongs to.
    public var rollout: String
    /// The pod-template hash of its revision.
    public var revisionHash: String
    /// Its index within the revision, from 0.
    public var index: Int
    /// The process id; `nil` while it is not running (e.g. waiting for a restart backoff) or not yet known.
    public var pid: Int32?
    /// The loopback port it was given.
    public var port: Int
    /// When the current process started.
    public var startedAt: Instant
    /// How many times it has been restarted after crashing.
    public var restartCount: Int
    /// The id of the current (or starting) process's launch, in its environment as `TURNOUT_REPLICA_LAUNCH`;
    /// `nil` in records written before launch ids existed.
    public var launchID: String?

    /// Creates a record.
    public init(rollout: String, revisionHash: String, index: Int, pid: Int32?, port: Int, startedAt: Instant, restartCount: Int = 0, launchID: String? = nil) {
        self.rollout = rollout
        self.revisionHash = revisionHash
        self.index = index
        self.pid = pid
        self.port = port
        self.startedAt = startedAt
        self.restartCount = restartCount
        self.launchID = launchID
    }
}
