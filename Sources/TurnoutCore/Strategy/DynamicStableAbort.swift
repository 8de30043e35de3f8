/// The canary weight an aborted `dynamicStableScale` canary steps back to next (Argo's
/// `GetDesiredCanaryWeight` on abort, #4035): the highest `setWeight` of the steps whose pods are fewer
/// than the canary pods still needed, so the stable comes back one step at a time instead of all at once.
///
/// The canary pods still needed are `replicas − stable.available`, or the canary's available pods when
/// more; with an explicit `abortScaleDownDelaySeconds` the canary is kept whole until its delay, so only
/// the stable's availability counts. Returns 0 when no step is below.
///
/// - Parameters:
///   - replicas: `spec.replicas`.
///   - stepWeights: every step's `setWeight`, in step order.
///   - maxWeight: `trafficRouting.maxTrafficWeight` (values below 1 mean 100).
///   - canaryAvailable: the canary's available pods.
///   - stableAvailable: the stable's available pods.
///   - hasExplicitDelay: whether `abortScaleDownDelaySeconds` is written and above 0 (0 keeps the canary forever).
public func dynamicAbortStepWeight(
    replicas: Int, stepWeights: [Int], maxWeight: Int = 100,
    canaryAvailable: Int, stableAvailable: Int, hasExplicitDelay: Bool
) -> Int {
    let maxWeight = maxWeight > 0 ? maxWeight : 100
    let expected = replicas - stableAvailable
    let needed = hasExplicitDelay ? expected : max(expected, canaryAvailable)
    for weight in stepWeights.reversed() where trafficWeightToReplicas(replicas: replicas, weight: weight, maxWeight: maxWeight) < needed {
        return min(maxWeight, max(0, weight))
    }
    return 0
}

/// The canary weight to give the router while an aborted `dynamicStableScale` canary steps back
/// (Argo's `calculateDesiredWeightOnAbortOrStableRollback`): traffic leaves the canary only as fast as
/// available stable pods can take it, and never comes back to the canary once it has left.
///
/// - Parameters:
///   - replicas: `spec.replicas`.
///   - stepWeight: the result of `dynamicAbortStepWeight`.
///   - maxWeight: `trafficRouting.maxTrafficWeight` (values below 1 mean 100).
///   - stableAvailable: the stable's available pods.
///   - observedCanaryWeight: the canary weight the router reports, `nil` when unknown.
public func dynamicAbortRouterWeight(
    replicas: Int, stepWeight: Int, maxWeight: Int = 100, stableAvailable: Int, observedCanaryWeight: Int?
) -> Int {
    let maxWeight = maxWeight > 0 ? maxWeight : 100
    guard replicas > 0 else { return 0 }
    let stableShare = maxWeight * max(0, stableAvailable) / replicas
    let carriedByStable = max(0, maxWeight - stableShare)
    guard let current = observedCanaryWeight else { return max(carriedByStable, stepWeight) }
    if stepWeight <= 0 { return min(carriedByStable, current) }
    if stableShare < maxWeight - stepWeight { return current }
    return min(stepWeight, current)
}
