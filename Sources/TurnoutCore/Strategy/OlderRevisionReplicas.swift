/// New desired counts for revisions older than the current stable and canary, in the order given
/// (oldest first), during a canary rollout (Argo's `scaleDownOldReplicaSetsForCanary`).
///
/// First every older revision drops the pods that are not available (that costs no availability).
/// Pods above a revision's desired count are about to go and never count as available.
/// Then available pods are removed, oldest revision first, as long as more than
/// `replicas - budget.unavailable` pods stay available across all revisions. With a basic canary
/// older pods still receive traffic, so this is the only safe way down; with a traffic router the
/// engine may instead drop an unreferenced older revision to zero once this function allows any
/// scale-down at all.
///
/// - Parameters:
///   - older: the older revisions, oldest first.
///   - canary: the canary revision as observed.
///   - stable: the stable revision as observed, or `nil` if there is none distinct from the canary.
///   - replicas: the rollout's desired replica count.
///   - budget: the resolved surge and unavailability budget.
public func olderRevisionReplicaCounts(
    older: [RevisionReplicas],
    canary: RevisionReplicas,
    stable: RevisionReplicas?,
    replicas: Int,
    budget: SurgeBudget
) -> [Int] {
    let healthy = older.droppingUnavailablePods(limit: .max)
    let available = older.totalRetainedAvailable + canary.retainedAvailable + (stable?.retainedAvailable ?? 0)
    let scaleDownRoom = available - budget.minAvailable(replicas: replicas)
    guard scaleDownRoom > 0 else { return healthy.map(\.desired) }
    return healthy.scalingDown(by: scaleDownRoom).map(\.desired)
}
