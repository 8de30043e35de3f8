/// One metric's samples from the canary and stable revisions, with its group and criteria: the judge's input.
public struct CanaryMetricSamples: Sendable, Hashable {
    /// The metric's name, e.g. `latency-p99`.
    public var name: String
    /// The group it is scored in, e.g. `latency` or `errors`.
    public var group: String
    /// The canary revision's values.
    public var canary: [Double]
    /// The stable revision's values.
    public var stable: [Double]
    /// How the metric is judged.
    public var criteria: CanaryMetricCriteria

    /// Creates a metric's samples.
    public init(name: String, group: String, canary: [Double], stable: [Double], criteria: CanaryMetricCriteria = CanaryMetricCriteria()) {
        self.name = name
        self.group = group
        self.canary = canary
        self.stable = stable
        self.criteria = criteria
    }
}
