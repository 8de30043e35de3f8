import Foundation

/// The two-sided Mann-Whitney U test of `x` against `y`; NaN values are left out.
///
/// U is U₁ = R₁ − n₁(n₁+1)/2, with R₁ the sum of `x`'s ranks in the pooled sample (ties get their
/// average rank), as scipy's `mannwhitneyu` reports it. The p-value comes from the exact null
/// distribution when both samples have at most 20 values and there are no ties; otherwise from the
/// normal approximation with mean n₁n₂/2, tie-corrected variance
/// n₁n₂/12 · ((N+1) − Σ(t³−t)/(N(N−1))) and a continuity correction of ½ (scipy's
/// `method="asymptotic", use_continuity=True`). When every value is tied the variance is zero and
/// the p-value is 1: the samples give no evidence of a difference.
public func mannWhitneyU(_ x: [Double], _ y: [Double]) -> MannWhitneyResult {
    let first = x.filter { !$0.isNaN }
    let second = y.filter { !$0.isNaN }
    let n1 = first.count
    let n2 = second.count
    let (rankSum, tieTerm) = rankSumOfFirst(first, second)
    let u = rankSum - Double(n1 * (n1 + 1)) / 2
    let limit = MannWhitneyExactDistribution.maximumSampleSize
    if tieTerm == 0, n1 <= limit, n2 <= limit {
        let p = MannWhitneyExactDistribution.twoSidedPValue(u: u, m: n1, n: n2)
        return MannWhitneyResult(u: u, pValue: p, method: .exact, firstCount: n1, secondCount: n2)
    }
    let product = Double(n1) * Double(n2)
    let total = Double(n1 + n2)
    let mean = product / 2
    let variance = product / 12 * ((total + 1) - tieTerm / (total * (total - 1)))
    guard variance > 0 else {
        return MannWhitneyResult(u: u, pValue: 1, method: .normalApproximation, firstCount: n1, secondCount: n2, zScore: 0)
    }
    let distance = (abs(u - mean) - 0.5) / variance.squareRoot()
    let p = min(1, 2 * standardNormalSurvival(distance))
    let z = (u >= mean ? 1.0 : -1.0) * max(distance, 0)
    return MannWhitneyResult(u: u, pValue: p, method: .normalApproximation, firstCount: n1, secondCount: n2, zScore: z)
}

/// The sum of the first sample's ranks in the pooled sample (average ranks for ties) and Σ(t³ − t)
/// over groups of t tied values.
private func rankSumOfFirst(_ first: [Double], _ second: [Double]) -> (rankSum: Double, tieTerm: Double) {
    let pooled = (first.map { ($0, true) } + second.map { ($0, false) }).sorted { $0.0 < $1.0 }
    var rankSum = 0.0
    var tieTerm = 0.0
    var start = 0
    while start < pooled.count {
        var end = start
        while end + 1 < pooled.count, pooled[end + 1].0 == pooled[start].0 {
            end += 1
        }
        let averageRank = Double(start + end + 2) / 2
        for index in start...end where pooled[index].1 {
            rankSum += averageRank
        }
        let tied = Double(end - start + 1)
        tieTerm += tied * tied * tied - tied
        start = end + 1
    }
    return (rankSum, tieTerm)
}

/// P(Z > z) for a standard normal Z.
func standardNormalSurvival(_ z: Double) -> Double {
    0.5 * erfc(z / 2.0.squareRoot())
}
