/// One step of a basic (replica-ratio) canary toward the split for `weight`, within the surge and
/// unavailability budget (Argo's `CalculateReplicaCountsForBasicCanary`).
///
/// - Parameters:
///   - replicas: the rollout's desired replica count (`spec.replicas`).
///   - weight: the desired canary weight in percent; the caller passes 100 for a full promotion
///     and 0 for an abort.
///   - budget: the resolved `maxSurge`/`maxUnavailable` (see `resolveSurgeAndUnavailable`).
///   - canary: the canary revision as observed; `.empty` if it has no pods yet.
///   - stable: the stable revision as observed, or `nil` if there is no stable revision distinct from
///     the canary (a first rollout, or a rollback onto the stable revision): then the canary is
///     driven to all `replicas`.
///   - older: every other revision that may still hold pods. While any of them has pods, canary and
///     stable are only scaled up; scale them down with `olderRevisionReplicaCounts` first.
///
/// Scale-up comes first and is limited by `replicas + surge` minus every revision's desired count;
/// stable is restored before the canary grows. Scale-down is limited by availability: pods may only
/// go while more than `replicas - unavailable` would remain. When the canary is growing, the stable
/// is the side that shrinks and its unready pods are not counted; when the canary is shrinking (a
/// lower weight or an abort), the canary shrinks and its unready pods are not counted. The result is
/// then pulled back within `replicas + surge` without dropping below the availability floor.
public func basicCanaryReplicaCounts(
    replicas: Int,
    weight: Int,
    budget: SurgeBudget,
    canary: RevisionReplicas,
    stable: RevisionReplicas?,
    older: [RevisionReplicas] = []
) -> CanaryReplicaCounts {
    let replicas = max(0, replicas)
    var target = replicaRatioSplit(replicas: replicas, weight: weight, surge: budget.surge)
    if stable == nil {
        target = CanaryReplicaCounts(canary: replicas, stable: 0)
    }

    var counts = CanaryReplicaCounts(canary: canary.desired, stable: stable?.desired ?? 0)
    let maxTotal = budget.maxTotal(replicas: replicas)
    let olderDesired = older.totalDesired
    var scaleUpRoom = maxTotal - (olderDesired + canary.desired + (stable?.desired ?? 0))

    if let stable, stable.desired < target.stable, scaleUpRoom > 0 {
        counts.stable = min(stable.desired + scaleUpRoom, target.stable)
        scaleUpRoom -= counts.stable - stable.desired
    }
    if canary.desired < target.canary, scaleUpRoom > 0 {
        counts.canary = min(canary.desired + scaleUpRoom, target.canary)
    }

    if olderDesired > 0 {
        return counts
    }

    let minAvailable = budget.minAvailable(replicas: replicas)
    let isCanaryGrowing = target.canary >= canary.desired
    // The side being drained is counted at its desired size: its unready pods are going anyway,
    // and counting only its available pods could stall the rollout behind a crash-looping revision.
    let canaryCounted = isCanaryGrowing ? canary.retainedAvailable : canary.desired
    let stableCounted = stable.map { isCanaryGrowing ? $0.desired : $0.retainedAvailable } ?? 0
    let countedPods = canaryCounted + stableCounted
    guard countedPods > minAvailable else {
        return counts
    }
    let scaleDownRoom = countedPods - minAvailable

    let limits = PodLimits(maxTotal: maxTotal, minAvailable: minAvailable)
    if !isCanaryGrowing {
        counts.canary = shrunkCount(of: canary, toward: target.canary, by: scaleDownRoom, current: counts.canary)
        if let stable {
            (counts.canary, counts.stable) = limits.rebalance(
                draining: canary, drainingCount: counts.canary,
                keeping: stable, keepingCount: counts.stable
            )
        }
    } else if let stable {
        counts.stable = shrunkCount(of: stable, toward: target.stable, by: scaleDownRoom, current: counts.stable)
        (counts.stable, counts.canary) = limits.rebalance(
            draining: stable, drainingCount: counts.stable,
            keeping: canary, keepingCount: counts.canary
        )
    }
    return counts
}

/// The count for a revision that is above its target, lowered by at most `room` but not below the target.
private func shrunkCount(of revision: RevisionReplicas, toward target: Int, by room: Int, current: Int) -> Int {
    guard revision.desired > target else { return current }
    return max(target, revision.desired - room)
}

/// The ceiling on all pods and the floor on available pods during one canary step.
private struct PodLimits {
    var maxTotal: Int
    var minAvailable: Int

    /// Brings `draining + keeping` back within `maxTotal`: first by trimming the kept side, but never
    /// so far that available pods fall below `minAvailable`; whatever is still over comes off the
    /// draining side, whose availability was already accounted for by the scale-down room.
    func rebalance(
        draining: RevisionReplicas, drainingCount: Int,
        keeping: RevisionReplicas, keepingCount: Int
    ) -> (draining: Int, keeping: Int) {
        var keepingCount = keepingCount - max(0, keepingCount + drainingCount - maxTotal)
        let availableAfter = min(draining.available, drainingCount) + min(keeping.available, keepingCount)
        let availabilityLostByTrim = max(0, keeping.available - keepingCount)
        let availabilityShortfall = max(0, minAvailable - availableAfter)
        keepingCount += min(availabilityLostByTrim, availabilityShortfall)
        let drainingCount = max(0, drainingCount - max(0, keepingCount + drainingCount - maxTotal))
        return (drainingCount, keepingCount)
    }
}
