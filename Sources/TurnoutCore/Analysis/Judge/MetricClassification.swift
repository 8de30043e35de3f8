/// How a canary metric compares with the stable one, in Kayenta's terms.
public enum MetricClassification: String, Sendable, Hashable, Codable, CaseIterable {
    /// No significant difference, or one within the allowed effect size, or one in a harmless direction.
    case pass = "Pass"
    /// The canary is significantly and relevantly higher than stable.
    case high = "High"
    /// The canary is significantly and relevantly lower than stable.
    case low = "Low"
    /// Too few values on one side to judge.
    case noData = "NoData"
}
