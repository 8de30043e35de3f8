/// `provider.judge`: Turnout's statistical canary judge. Compares the analysed revision with the stable one
/// (Mann-Whitney U per metric, Kayenta-style score 0–100) from the embedded proxy's metrics.
///
/// ```yaml
/// provider:
///   judge:
///     confidence: 0.98
///     thresholds: {pass: 95, marginal: 75}
///     metrics:
///     - name: latency
///       kind: latency
///       allowedIncrease: 1.1
///       weight: 60
///     - name: errors
///       kind: error-rate
///       critical: true
/// ```
public struct JudgeMetric: Sendable, Hashable, Codable {
    /// The metrics compared.
    public var metrics: [JudgeMetricCriterion]
    /// Confidence the test needs before calling a difference real (default 0.98).
    public var confidence: Double?
    /// Score thresholds (default pass 95, marginal 75).
    public var thresholds: JudgeMetricThresholds?
    /// Only traffic of this proxy route; all routes when absent.
    public var route: String?

    /// Creates a judge metric.
    public init(metrics: [JudgeMetricCriterion], confidence: Double? = nil, thresholds: JudgeMetricThresholds? = nil, route: String? = nil) {
        self.metrics = metrics
        self.confidence = confidence
        self.thresholds = thresholds
        self.route = route
    }
}

/// One metric the judge compares.
public struct JudgeMetricCriterion: Sendable, Hashable, Codable {
    /// The metric's name in the result.
    public var name: String
    /// What is compared.
    public var kind: JudgeMetricKind
    /// Which change counts against the canary (default `increase`).
    public var direction: ChangeDirection?
    /// A failing critical metric sets the score to 0.
    public var critical: Bool?
    /// The group's weight in percent; groups without one share what is left of 100.
    public var weight: Double?
    /// The group the metric scores in (default its name).
    public var group: String?
    /// Largest tolerated canary/stable mean ratio when higher (default 1).
    public var allowedIncrease: Double?
    /// Smallest tolerated canary/stable mean ratio when lower (default 1).
    public var allowedDecrease: Double?
    /// Fewest samples per side before the metric has data (default 5).
    public var minimumSamples: Int?

    /// Creates a criterion.
    public init(name: String, kind: JudgeMetricKind, direction: ChangeDirection? = nil, critical: Bool? = nil, weight: Double? = nil, allowedIncrease: Double? = nil) {
        self.name = name
        self.kind = kind
        self.direction = direction
        self.critical = critical
        self.weight = weight
        self.allowedIncrease = allowedIncrease
    }
}

/// What a judge metric compares.
public enum JudgeMetricKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// Per-request latencies.
    case latency
    /// Per-request outcomes, 1 for a 5xx and 0 otherwise.
    case errorRate = "error-rate"
}

/// The judge's score thresholds.
public struct JudgeMetricThresholds: Sendable, Hashable, Codable {
    /// A score at or above this passes (default 95).
    public var pass: Double?
    /// A score at or above this is marginal (default 75).
    public var marginal: Double?

    /// Creates thresholds.
    public init(pass: Double? = nil, marginal: Double? = nil) {
        self.pass = pass
        self.marginal = marginal
    }
}
