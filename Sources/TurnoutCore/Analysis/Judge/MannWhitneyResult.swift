/// The outcome of a two-sided Mann-Whitney U test (Wilcoxon rank-sum test) of two samples.
public struct MannWhitneyResult: Sendable, Hashable {
    /// How the p-value was computed.
    public enum Method: String, Sendable, Hashable, Codable {
        /// The exact null distribution of U: both samples of at most 20 values and no ties.
        case exact
        /// The normal approximation with tie correction and continuity correction.
        case normalApproximation
    }

    /// U of the first sample: how many pairs (x, y) have x > y, counting ties as one half.
    public var u: Double
    /// The two-sided p-value: how likely a difference at least this large is when both samples
    /// come from one distribution.
    public var pValue: Double
    /// How the p-value was computed.
    public var method: Method
    /// Values in the first sample (NaN values are left out).
    public var firstCount: Int
    /// Values in the second sample (NaN values are left out).
    public var secondCount: Int
    /// The continuity-corrected z statistic, signed like `u - n1·n2/2`; nil for the exact method.
    public var zScore: Double?

    /// Creates a result.
    public init(u: Double, pValue: Double, method: Method, firstCount: Int, secondCount: Int, zScore: Double? = nil) {
        self.u = u
        self.pValue = pValue
        self.method = method
        self.firstCount = firstCount
        self.secondCount = secondCount
        self.zScore = zScore
    }

    /// The smaller of U₁ and U₂ = n₁·n₂ − U₁, the statistic printed tables list.
    public var smallerU: Double {
        min(u, Double(firstCount * secondCount) - u)
    }

    /// U / (n₁·n₂): the probability that a value of the first sample exceeds one of the second
    /// (ties count half); 0.5 means no shift. NaN when a sample is empty.
    public var probabilityFirstIsGreater: Double {
        u / Double(firstCount * secondCount)
    }
}
