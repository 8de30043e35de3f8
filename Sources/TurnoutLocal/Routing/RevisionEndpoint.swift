/// One replica's address as the traffic router sees it.
public struct RevisionEndpoint: Sendable, Hashable {
    /// The rollout it belongs to.
    public var rollout: String
    /// Its revision's pod-template hash.
    public var revisionHash: String
    /// Its labels (the template's).
    public var labels: [String: String]
    /// `127.0.0.1`.
    public var host: String
    /// Its port.
    public var port: Int
    /// Whether it passes readiness and is not terminating: only these get traffic.
    public var isServing: Bool

    /// Creates an endpoint.
    public init(rollout: String, revisionHash: String, labels: [String: String], host: String = "127.0.0.1", port: Int, isServing: Bool) {
        self.rollout = rollout
        self.revisionHash = revisionHash
        self.labels = labels
        self.host = host
        self.port = port
        self.isServing = isServing
    }
}
