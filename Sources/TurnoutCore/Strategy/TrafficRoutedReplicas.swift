/// The canary and stable scale for a canary step when a traffic router splits traffic
/// (Argo's `CalculateReplicaCountsForTrafficRoutedCanary`).
///
/// The canary gets `ceil(weight × replicas / maxWeight)` pods unless `canaryScale` overrides it.
/// Without `dynamicStableScale` the stable stays at all `replicas` until the rollout completes.
/// With it, the stable gets `ceil((maxWeight − weight) × replicas / maxWeight)` pods, but never fewer
/// than the stable's *observed* weight needs, so stable pods are only removed after traffic has left
/// them; on an abort the canary likewise keeps the pods its observed weight still needs.
/// `minPodsPerReplicaSet` raises any non-zero count derived from a weight to at least that many pods,
/// but never above `replicas` (Argo caps it the same way, so a 1-replica rollout runs 1 canary pod).
///
/// - Parameters:
///   - replicas: the rollout's desired replica count (`spec.replicas`).
///   - weight: the desired canary traffic weight (`setWeight`, 0 on abort, `maxWeight` on full
///     promotion), clamped to `0...maxWeight`.
///   - maxWeight: `trafficRouting.maxTrafficWeight`; values below 1 mean the default 100.
///   - canaryScale: the `setCanaryScale` override in effect.
///   - dynamicStableScale: `canary.dynamicStableScale`.
///   - observedWeights: the weights the router reports in effect, or `nil` if unknown.
///   - isAborted: whether the rollout is aborted.
///   - minPodsPerReplicaSet: `canary.minPodsPerReplicaSet`, if set.
public func trafficRoutedCanaryReplicaCounts(
    replicas: Int,
    weight: Int,
    maxWeight: Int = 100,
    canaryScale: CanaryScaleOverride = .matchTrafficWeight,
    dynamicStableScale: Bool = false,
    observedWeights: RoutedTrafficWeights? = nil,
    isAborted: Bool = false,
    minPodsPerReplicaSet: Int? = nil
) -> CanaryReplicaCounts {
    let replicas = max(0, replicas)
    let maxWeight = maxWeight > 0 ? maxWeight : 100
    let weight = min(maxWeight, max(0, weight))
    let floor = min(replicas, max(0, minPodsPerReplicaSet ?? 0))

    var canary: Int
    switch canaryScale {
    case .matchTrafficWeight:
        canary = raised(trafficWeightToReplicas(replicas: replicas, weight: weight, maxWeight: maxWeight), to: floor)
    case .weight(let percent):
        canary = raised(trafficWeightToReplicas(replicas: replicas, weight: max(0, percent), maxWeight: 100), to: floor)
    case .replicas(let count):
        canary = max(0, count)
    }

    guard dynamicStableScale else {
        return CanaryReplicaCounts(canary: canary, stable: replicas)
    }

    var stable = trafficWeightToReplicas(replicas: replicas, weight: maxWeight - weight, maxWeight: maxWeight)
    if let observedWeights {
        let observedStable = min(maxWeight, max(0, observedWeights.stable))
        stable = max(stable, trafficWeightToReplicas(replicas: replicas, weight: observedStable, maxWeight: maxWeight))
        if isAborted {
            let observedCanary = min(maxWeight, max(0, observedWeights.canary))
            let stillNeeded = trafficWeightToReplicas(replicas: replicas, weight: observedCanary, maxWeight: maxWeight)
            canary = max(canary, raised(stillNeeded, to: floor))
        }
    }
    return CanaryReplicaCounts(canary: canary, stable: raised(stable, to: floor))
}

/// The pods needed to serve `weight` out of `maxWeight` of the traffic of `replicas` pods, rounded up.
public func trafficWeightToReplicas(replicas: Int, weight: Int, maxWeight: Int = 100) -> Int {
    guard replicas > 0, weight > 0, maxWeight > 0 else { return 0 }
    return (weight * replicas + maxWeight - 1) / maxWeight
}

/// `count` raised to `floor` unless it is zero (Argo's `CheckMinPodsPerReplicaSet`).
private func raised(_ count: Int, to floor: Int) -> Int {
    count == 0 ? 0 : max(count, floor)
}
