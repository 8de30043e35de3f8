/// The score a canary needs to pass, or to be marginal (Kayenta's `scoreThresholds`).
public struct JudgeThresholds: Sendable, Hashable, Codable {
    /// A score at or above this passes.
    public var pass: Double
    /// A score at or above this (and below `pass`) is marginal; below it fails.
    public var marginal: Double

    /// Creates thresholds; the defaults are 95 to pass and 75 to be marginal.
    public init(pass: Double = 95, marginal: Double = 75) {
        self.pass = pass
        self.marginal = marginal
    }
}
