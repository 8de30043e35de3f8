/// The scale a step-less rolling update asks of the new revision and of each older revision.
public struct RollingUpdateReplicaCounts: Sendable, Hashable {
    /// Pods for the new revision.
    public var new: Int
    /// Pods for each older revision, in the order they were given (oldest first).
    public var old: [Int]

    /// Creates the counts.
    public init(new: Int, old: [Int]) {
        self.new = new
        self.old = old
    }
}

extension RollingUpdateReplicaCounts: CustomStringConvertible {
    /// Renders as `new=N old=[A, B]`.
    public var description: String { "new=\(new) old=\(old)" }
}

/// One reconcile of a rolling update without steps, with Kubernetes Deployment semantics
/// (`NewRSNewReplicas`, `reconcileOldReplicaSets`).
///
/// The new revision grows by the room left under `replicas + surge` (counting every revision's
/// desired pods), never past `replicas`; if it is above `replicas` it is cut back to `replicas`.
/// Old revisions shrink only while more than `replicas - unavailable` pods stay available, and
/// unready pods of the new revision are held against that room so that a crash-looping new revision
/// never drains the old one: at most `all desired - minAvailable - new unready` pods go. Unready old
/// pods go first (they cost no availability), then available old pods, oldest revision first.
/// Pods above a revision's desired count are about to go and never count as available.
/// Both halves are computed in one call; because each half depends only on counts the other does not
/// change, this equals Kubernetes' scale-up round followed by its scale-down round.
///
/// - Parameters:
///   - replicas: the desired replica count.
///   - budget: the resolved `maxSurge`/`maxUnavailable`.
///   - new: the new revision as observed (`.empty` if it has no pods yet).
///   - old: every older revision, oldest first.
public func rollingUpdateReplicaCounts(
    replicas: Int,
    budget: SurgeBudget,
    new: RevisionReplicas,
    old: [RevisionReplicas]
) -> RollingUpdateReplicaCounts {
    let replicas = max(0, replicas)
    let newCount = grownNewCount(replicas: replicas, budget: budget, new: new, old: old)
    let oldCounts = shrunkOldCounts(replicas: replicas, budget: budget, new: new, old: old)
    return RollingUpdateReplicaCounts(new: newCount, old: oldCounts)
}

/// The new revision's count after the scale-up half of a rolling update.
private func grownNewCount(replicas: Int, budget: SurgeBudget, new: RevisionReplicas, old: [RevisionReplicas]) -> Int {
    if new.desired >= replicas {
        return replicas
    }
    let room = budget.maxTotal(replicas: replicas) - (new.desired + old.totalDesired)
    guard room > 0 else { return new.desired }
    return new.desired + min(room, replicas - new.desired)
}

/// The old revisions' counts after the scale-down half of a rolling update.
private func shrunkOldCounts(replicas: Int, budget: SurgeBudget, new: RevisionReplicas, old: [RevisionReplicas]) -> [Int] {
    let oldDesired = old.totalDesired
    guard oldDesired > 0 else { return old.map(\.desired) }
    let minAvailable = budget.minAvailable(replicas: replicas)
    let newUnready = new.unavailable
    let maxScaledDown = oldDesired + new.desired - minAvailable - newUnready
    guard maxScaledDown > 0 else { return old.map(\.desired) }

    let cleaned = old.droppingUnavailablePods(limit: maxScaledDown)
    let availableRoom = old.totalRetainedAvailable + new.retainedAvailable - minAvailable
    guard availableRoom > 0 else { return cleaned.map(\.desired) }
    return cleaned.scalingDown(by: availableRoom).map(\.desired)
}
