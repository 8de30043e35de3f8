/// The canary/stable pod split that best approximates `weight` percent when no traffic router
/// exists and traffic follows pod counts (Argo's basic canary).
///
/// Candidates are the desired share `replicas × weight / 100` rounded down and up, spread over
/// `replicas` pods or, when `surge > 0`, over `replicas + 1` pods. The candidate whose actual
/// share `canary / (canary + stable)` is closest to `weight` wins; on a tie the earlier candidate
/// wins, in the order (rounded up, no surge), (rounded down, no surge), (rounded up, surge),
/// (rounded down, surge) — so ties go toward more canary and toward fewer pods.
/// For a weight strictly between 0 and 100 neither side is left at zero pods, except when a single
/// replica has no surge room (then the closer of 0% and 100% is taken, 50% going to the canary).
/// Weights outside 0...100 are clamped. All arithmetic is exact integer arithmetic.
///
/// Differs from Argo in one corner: when rounding up would empty the stable and rounding down is an
/// exact half (2 replicas at 75%, 5 at 90%, 10 at 95%, 25 at 98%, 50 at 99%, all without surge), Argo
/// has no candidate left and returns zero canary pods; here the rounded-down split is used instead.
public func replicaRatioSplit(replicas: Int, weight: Int, surge: Int) -> CanaryReplicaCounts {
    guard replicas > 0 else { return CanaryReplicaCounts(canary: 0, stable: 0) }
    let weight = min(100, max(0, weight))
    let share = replicas * weight
    let roundedUp = (share + 99) / 100
    let roundedDown = share / 100
    let zeroAllowed = weight == 0 || weight == 100 || (replicas == 1 && surge <= 0)
    let roundedDownAllowed = roundedDown != roundedUp && (roundedDown > 0 || zeroAllowed)

    // A rounded-down option equal to rounded-up adds nothing; exact halves need no special case
    // because ties already go to the earlier (rounded-up) option.
    var candidates: [RatioCandidate] = []
    if roundedUp < replicas || zeroAllowed {
        candidates.append(RatioCandidate(canary: roundedUp, total: replicas))
    }
    if roundedDownAllowed {
        candidates.append(RatioCandidate(canary: roundedDown, total: replicas))
    }
    if surge > 0 {
        candidates.append(RatioCandidate(canary: roundedUp, total: replicas + 1))
        if roundedDownAllowed {
            candidates.append(RatioCandidate(canary: roundedDown, total: replicas + 1))
        }
    }

    guard var best = candidates.first else {
        return CanaryReplicaCounts(canary: 0, stable: replicas)
    }
    for candidate in candidates.dropFirst() where candidate.isCloser(to: weight, than: best) {
        best = candidate
    }
    return CanaryReplicaCounts(canary: best.canary, stable: best.total - best.canary)
}

/// One way to spread a canary over a number of pods, compared by exact rational distance.
private struct RatioCandidate {
    var canary: Int
    var total: Int

    /// |canary × 100 − weight × total|, the distance from `weight` scaled by `total`.
    func scaledDistance(to weight: Int) -> Int { abs(canary * 100 - weight * total) }

    /// Whether this candidate's share is strictly closer to `weight` than `other`'s.
    func isCloser(to weight: Int, than other: RatioCandidate) -> Bool {
        // distance / total < other.distance / other.total, cross-multiplied (totals are positive).
        scaledDistance(to: weight) * other.total < other.scaledDistance(to: weight) * total
    }
}
