/// One metric after judging: its comparison and whether it counts against the canary.
public struct JudgedMetric: Sendable, Hashable {
    /// The metric's name.
    public var name: String
    /// The group it is scored in.
    public var group: String
    /// Whether a failure sets the whole score to 0.
    public var isCritical: Bool
    /// Whether `noData` counts as a failure.
    public var requiresData: Bool
    /// The comparison with stable.
    public var comparison: CanaryMetricComparison

    /// Creates a judged metric.
    public init(name: String, group: String, comparison: CanaryMetricComparison, isCritical: Bool = false, requiresData: Bool = false) {
        self.name = name
        self.group = group
        self.comparison = comparison
        self.isCritical = isCritical
        self.requiresData = requiresData
    }

    /// Judges `samples`.
    public init(_ samples: CanaryMetricSamples) {
        self.init(
            name: samples.name, group: samples.group,
            comparison: CanaryMetricComparison(canary: samples.canary, stable: samples.stable, criteria: samples.criteria),
            isCritical: samples.criteria.isCritical, requiresData: samples.criteria.requiresData
        )
    }

    /// Whether the metric counts against the canary: `high`, `low`, or `noData` when data is required
    /// (critical metrics always require data).
    public var isFailing: Bool {
        switch comparison.classification {
        case .pass: false
        case .high, .low: true
        case .noData: requiresData || isCritical
        }
    }

    /// Whether the metric counts in its group's score: everything but `noData` that is not required.
    public var isCounted: Bool {
        comparison.classification != .noData || isFailing
    }
}
