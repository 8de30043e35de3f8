/// One replica as the traffic router sees it: where it listens and whether it may get new requests.
public struct ReplicaEndpoint: Sendable, Hashable, Codable {
    /// The replica's index in its revision.
    public var index: Int
    /// `127.0.0.1:<port>`.
    public var address: String
    /// The process id; `nil` while the replica waits to be restarted after a crash.
    public var pid: Int32?
    /// Whether its readiness probe passes.
    public var isReady: Bool
    /// Whether it is being stopped: it must get no new requests, in-flight ones may finish.
    public var isTerminating: Bool
    /// How many times it was restarted after crashing.
    public var restartCount: Int

    /// Creates an endpoint.
    public init(index: Int, address: String, pid: Int32?, isReady: Bool, isTerminating: Bool, restartCount: Int = 0) {
        self.index = index
        self.address = address
        self.pid = pid
        self.isReady = isReady
        self.isTerminating = isTerminating
        self.restartCount = restartCount
    }

    /// Whether the router may send it new requests: ready and not terminating.
    public var acceptsNewRequests: Bool { isReady && !isTerminating }
}
