/// `provider.builtin`: a number read from Turnout's embedded proxy for the analysed revision, over the
/// time since the previous measurement of the same run and metric.
///
/// ```yaml
/// provider:
///   builtin:
///     metric: success-rate   # success-rate | error-rate | latency | request-count
///     percentile: 99         # latency only (default 99)
///     route: web             # optional: only this route's traffic
/// ```
public struct BuiltinMetric: Sendable, Hashable, Codable {
    /// What to read.
    public var metric: BuiltinMetricKind
    /// The latency percentile, 0…100 (default 99).
    public var percentile: Double?
    /// Only traffic of this proxy route; all routes when absent.
    public var route: String?

    /// Creates a builtin metric.
    public init(metric: BuiltinMetricKind, percentile: Double? = nil, route: String? = nil) {
        self.metric = metric
        self.percentile = percentile
        self.route = route
    }
}

/// What a builtin metric reads.
public enum BuiltinMetricKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// Share of responses that are not 5xx, 0…1.
    case successRate = "success-rate"
    /// Share of responses that are 5xx, 0…1.
    case errorRate = "error-rate"
    /// A latency percentile in milliseconds.
    case latency
    /// Responses counted.
    case requestCount = "request-count"
}
