/// A rollout's endpoints after they changed: a replica started, became ready or not, began or finished stopping.
public struct EndpointsChange: Sendable, Hashable, Codable {
    /// The rollout's name.
    public var rollout: String
    /// Every revision with replicas, by hash; empty when the rollout has none left.
    public var revisions: [RevisionEndpoints]

    /// Creates a change.
    public init(rollout: String, revisions: [RevisionEndpoints]) {
        self.rollout = rollout
        self.revisions = revisions
    }
}
