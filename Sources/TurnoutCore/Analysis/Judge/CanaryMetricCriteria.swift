/// How one metric of a canary is judged against stable.
public struct CanaryMetricCriteria: Sendable, Hashable, Codable {
    /// Which change counts against the canary.
    public var direction: ChangeDirection
    /// Confidence the test needs before calling a difference real; 0.98 means a p-value below 0.02.
    public var confidenceLevel: Double
    /// Largest tolerated canary/stable mean ratio when the canary is higher, e.g. 1.1 for +10 %.
    public var allowedIncrease: Double
    /// Smallest tolerated canary/stable mean ratio when the canary is lower, e.g. 0.9 for −10 %.
    public var allowedDecrease: Double
    /// Fewest finite values each side needs; fewer is `noData`. Five is the least for which the exact
    /// test can reach p < 0.02 at all (2/C(10,5) ≈ 0.008; with four values per side it is 2/70 ≈ 0.029).
    public var minimumSampleCount: Int
    /// A critical metric that fails (or has no data) sets the whole score to 0.
    public var isCritical: Bool
    /// A metric that must have data: `noData` counts as a failure in its group.
    public var requiresData: Bool

    /// Creates criteria; the defaults are Kayenta's: either direction, 98 % confidence, no tolerance.
    public init(
        direction: ChangeDirection = .either, confidenceLevel: Double = 0.98, allowedIncrease: Double = 1,
        allowedDecrease: Double = 1, minimumSampleCount: Int = 5, isCritical: Bool = false, requiresData: Bool = false
    ) {
        self.direction = direction
        self.confidenceLevel = confidenceLevel
        self.allowedIncrease = allowedIncrease
        self.allowedDecrease = allowedDecrease
        self.minimumSampleCount = minimumSampleCount
        self.isCritical = isCritical
        self.requiresData = requiresData
    }

    /// The significance level: 1 − `confidenceLevel`.
    public var alpha: Double {
        1 - confidenceLevel
    }
}
