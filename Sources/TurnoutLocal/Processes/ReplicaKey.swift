/// Names one replica: its rollout, its revision's pod-template hash and its index in the revision.
public struct ReplicaKey: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The rollout's name.
    public var rollout: String
    /// The revision's pod-template hash.
    public var revisionHash: String
    /// The index within the revision, from 0.
    public var index: Int

    /// Creates a key.
    public init(rollout: String, revisionHash: String, index: Int) {
        self.rollout = rollout
        self.revisionHash = revisionHash
        self.index = index
    }

    /// `replica 2 of revision abc123 of rollout web`, for messages.
    public var description: String {
        "replica \(index) of revision \(revisionHash) of rollout \(rollout)"
    }

    public static func < (lhs: ReplicaKey, rhs: ReplicaKey) -> Bool {
        (lhs.rollout, lhs.revisionHash, lhs.index) < (rhs.rollout, rhs.revisionHash, rhs.index)
    }
}
