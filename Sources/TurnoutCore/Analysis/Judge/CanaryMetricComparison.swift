/// One metric of a canary judged against stable: a Mann-Whitney U test for whether the samples
/// differ, and the ratio of means for whether the difference matters (Kayenta's classifier).
///
/// Non-finite values (NaN, ±Inf: a rate over an empty interval) are left out first. With fewer than
/// `minimumSampleCount` values on either side the metric is `noData`. Otherwise it is `high` when the
/// test puts the canary higher with p < alpha, `direction` counts an increase against it, and the
/// effect size exceeds `allowedIncrease`; `low` mirrors that with `allowedDecrease`; `pass` otherwise.
public struct CanaryMetricComparison: Sendable, Hashable {
    /// The verdict for this metric.
    public var classification: MetricClassification
    /// The rank test, canary as the first sample; nil when there was no data.
    public var test: MannWhitneyResult?
    /// canary mean / stable mean, as 1 + (canary − stable) / |stable| so a negative stable mean keeps
    /// the direction; 1 when both means are 0, ±Inf when only stable's is; nil without data.
    public var effectSize: Double?
    /// The mean of the canary's finite values, nil when there are none.
    public var canaryMean: Double?
    /// The mean of stable's finite values, nil when there are none.
    public var stableMean: Double?
    /// The canary's finite values.
    public var canaryCount: Int
    /// Stable's finite values.
    public var stableCount: Int
    /// Why the metric got its classification, for status and events.
    public var reason: String

    /// Judges `canary` against `stable` under `criteria`.
    public init(canary: [Double], stable: [Double], criteria: CanaryMetricCriteria = CanaryMetricCriteria()) {
        let canaryValues = canary.filter(\.isFinite)
        let stableValues = stable.filter(\.isFinite)
        canaryCount = canaryValues.count
        stableCount = stableValues.count
        canaryMean = Self.mean(canaryValues)
        stableMean = Self.mean(stableValues)
        let needed = max(criteria.minimumSampleCount, 1)
        guard canaryCount >= needed, stableCount >= needed, let canaryMean, let stableMean else {
            classification = .noData
            reason = "too few values to compare: canary \(canaryCount), stable \(stableCount), need \(needed) each"
            return
        }
        let test = mannWhitneyU(canaryValues, stableValues)
        let effect = Self.effectSize(canaryMean: canaryMean, stableMean: stableMean)
        self.test = test
        self.effectSize = effect
        let p = Self.rounded(test.pValue)
        let ratio = Self.rounded(effect)
        guard test.pValue < criteria.alpha else {
            classification = .pass
            reason = "no significant difference (p = \(p), alpha \(Self.rounded(criteria.alpha)))"
            return
        }
        let isHigher = test.u > Double(canaryCount * stableCount) / 2
        switch (isHigher, criteria.direction) {
        case (true, .increase), (true, .either):
            if effect > criteria.allowedIncrease {
                classification = .high
                reason = "canary is higher (p = \(p), mean ratio \(ratio) > allowed \(Self.rounded(criteria.allowedIncrease)))"
            } else {
                classification = .pass
                reason = "canary is higher (p = \(p)) within the allowed increase (mean ratio \(ratio) ≤ \(Self.rounded(criteria.allowedIncrease)))"
            }
        case (false, .decrease), (false, .either):
            if effect < criteria.allowedDecrease {
                classification = .low
                reason = "canary is lower (p = \(p), mean ratio \(ratio) < allowed \(Self.rounded(criteria.allowedDecrease)))"
            } else {
                classification = .pass
                reason = "canary is lower (p = \(p)) within the allowed decrease (mean ratio \(ratio) ≥ \(Self.rounded(criteria.allowedDecrease)))"
            }
        case (true, .decrease):
            classification = .pass
            reason = "canary is higher (p = \(p)), which this metric does not count against it"
        case (false, .increase):
            classification = .pass
            reason = "canary is lower (p = \(p)), which this metric does not count against it"
        }
    }

    /// Creates a comparison from its parts (for tests and stored results).
    public init(
        classification: MetricClassification, test: MannWhitneyResult? = nil, effectSize: Double? = nil,
        canaryMean: Double? = nil, stableMean: Double? = nil, canaryCount: Int = 0, stableCount: Int = 0, reason: String = ""
    ) {
        self.classification = classification
        self.test = test
        self.effectSize = effectSize
        self.canaryMean = canaryMean
        self.stableMean = stableMean
        self.canaryCount = canaryCount
        self.stableCount = stableCount
        self.reason = reason
    }

    /// 1 + (canary − stable) / |stable|: the ratio of means for a positive stable mean.
    static func effectSize(canaryMean: Double, stableMean: Double) -> Double {
        if stableMean == 0 {
            if canaryMean == 0 { return 1 }
            return canaryMean > 0 ? .infinity : -.infinity
        }
        return 1 + (canaryMean - stableMean) / abs(stableMean)
    }

    private static func mean(_ values: [Double]) -> Double? {
        values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
    }

    /// A number to four significant digits, for reasons.
    private static func rounded(_ value: Double) -> String {
        guard value.isFinite, value != 0 else { return ExpressionValue.format(value) }
        var scale = 1.0
        var magnitude = abs(value)
        while magnitude >= 10_000 { magnitude /= 10; scale /= 10 }
        while magnitude < 1_000 { magnitude *= 10; scale *= 10 }
        return ExpressionValue.format((value * scale).rounded() / scale)
    }
}
