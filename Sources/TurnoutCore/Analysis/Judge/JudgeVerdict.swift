/// The judge's overall call on a canary.
public enum JudgeVerdict: String, Sendable, Hashable, Codable, CaseIterable {
    /// The score reached the pass threshold.
    case pass = "Pass"
    /// The score reached the marginal threshold but not the pass one.
    case marginal = "Marginal"
    /// The score is below the marginal threshold, a critical metric failed, or nothing had data.
    case fail = "Fail"
}
