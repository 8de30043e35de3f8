/// One metric group's part of a judge score.
public struct JudgeGroupScore: Sendable, Hashable {
    /// The group's name.
    public var name: String
    /// The group's weight in percent, as configured or as its share of what the configured weights leave.
    public var weight: Double
    /// Passing metrics as a percentage of counted ones; nil when no metric was counted.
    public var score: Double?
    /// Metrics that passed.
    public var passCount: Int
    /// Metrics that count against the canary.
    public var failCount: Int
    /// Metrics without data that were left out.
    public var noDataCount: Int

    /// Creates a group score.
    public init(name: String, weight: Double, score: Double?, passCount: Int, failCount: Int, noDataCount: Int) {
        self.name = name
        self.weight = weight
        self.score = score
        self.passCount = passCount
        self.failCount = failCount
        self.noDataCount = noDataCount
    }
}
