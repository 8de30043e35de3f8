/// The exact null distribution of the Mann-Whitney U statistic for samples without ties.
enum MannWhitneyExactDistribution {
    /// Largest sample size for which the exact distribution is used.
    static let maximumSampleSize = 20

    /// How many of the C(m+n, m) orderings of m first and n second values give U = 0, 1, …, m·n.
    ///
    /// These are the coefficients of the Gaussian binomial [m+n choose m]_q = ∏ₖ₌₁..ₘ (1 − q^(n+k)) / (1 − q^k),
    /// built one factor at a time (multiply, then divide exactly). Counts stay below 2^53 for m, n ≤ 20.
    static func counts(m: Int, n: Int) -> [Double] {
        let top = m * n
        var coefficients = [Double](repeating: 0, count: top + 1)
        coefficients[0] = 1
        guard m > 0, n > 0 else { return coefficients }
        for k in 1...m {
            let raised = n + k
            if raised <= top {
                for index in stride(from: top, through: raised, by: -1) {
                    coefficients[index] -= coefficients[index - raised]
                }
            }
            if k <= top {
                for index in k...top {
                    coefficients[index] += coefficients[index - k]
                }
            }
        }
        return coefficients
    }

    /// P(U ≤ u) under the null hypothesis.
    static func cumulativeProbability(_ u: Int, m: Int, n: Int) -> Double {
        let counts = counts(m: m, n: n)
        guard u >= 0 else { return 0 }
        let total = counts.reduce(0, +)
        return counts[0...min(u, counts.count - 1)].reduce(0, +) / total
    }

    /// The two-sided p-value for U of one sample: 2·P(U ≤ min(U₁, U₂)), at most 1.
    static func twoSidedPValue(u: Double, m: Int, n: Int) -> Double {
        let smaller = min(u, Double(m * n) - u)
        return min(1, 2 * cumulativeProbability(Int(smaller.rounded(.down)), m: m, n: n))
    }
}
