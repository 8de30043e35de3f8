/// One replica (a process).
public struct ReplicaView: Sendable, Codable, Hashable {
    /// Its index in the revision.
    public var index: Int
    /// `127.0.0.1:PORT`.
    public var address: String
    /// Its process id, while running.
    public var pid: Int32?
    /// Whether it passes readiness.
    public var isReady: Bool
    /// Whether it is draining before stopping.
    public var isTerminating: Bool
    /// How often it was restarted after crashing.
    public var restarts: Int

    /// Creates a replica view.
    public init(index: Int, address: String, pid: Int32?, isReady: Bool, isTerminating: Bool, restarts: Int) {
        self.index = index
        self.address = address
        self.pid = pid
        self.isReady = isReady
        self.isTerminating = isTerminating
        self.restarts = restarts
    }
}
