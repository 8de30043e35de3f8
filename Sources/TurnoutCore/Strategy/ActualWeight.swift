/// The share of traffic, in whole percent, that the canary receives when traffic follows pods
/// (no router): available canary pods ÷ available canary and stable pods × 100.
///
/// Rounds to the nearest percent, halves up (1 of 8 → 13). The result is 0 only when no canary pod is
/// available and 100 only when no stable pod is available: a mixed split that would round to 0 or 100
/// reports 1 or 99 instead, so "weight reached 100" never hides stable pods still serving. No pods at
/// all reports 0. Negative inputs are treated as zero.
public func actualCanaryWeight(canaryAvailable: Int, stableAvailable: Int) -> Int {
    let canary = max(0, canaryAvailable)
    let total = canary + max(0, stableAvailable)
    guard total > 0, canary > 0 else { return 0 }
    guard canary < total else { return 100 }
    let rounded = (canary * 200 + total) / (total * 2)
    return min(99, max(1, rounded))
}
