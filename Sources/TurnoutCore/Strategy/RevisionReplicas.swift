/// How many pods one revision is asked to run and how many of them are available.
///
/// `desired` is the scale the controller last set (a ReplicaSet's `spec.replicas`,
/// a local process group's target size); `available` is what the workload reports
/// as ready for at least `minReadySeconds` (`status.availableReplicas`).
public struct RevisionReplicas: Sendable, Hashable {
    /// The scale last requested for this revision.
    public var desired: Int
    /// The pods of this revision that are currently available.
    public var available: Int

    /// Creates a revision observation; negative values are treated as zero.
    public init(desired: Int, available: Int) {
        self.desired = max(0, desired)
        self.available = max(0, available)
    }

    /// A revision that does not exist yet or runs no pods.
    public static let empty = RevisionReplicas(desired: 0, available: 0)

    /// Pods that were asked for but are not available (never negative).
    public var unavailable: Int { max(0, desired - available) }

    /// The available pods that will still be there after the pending scale-down,
    /// so surplus pods that are about to go never count toward availability.
    public var retainedAvailable: Int { min(desired, available) }
}
