/// A canary's score from 0 to 100 and its verdict, from metrics judged against stable and grouped
/// with weights (Kayenta's weighted-sum scorer and threshold classifier).
///
/// A group's score is the percentage of its counted metrics that pass (a `noData` metric is left out
/// unless it requires data). Weights are percentages: a group named in `groupWeights` gets that
/// weight, groups not named share what the named weights leave of 100 equally (all groups share
/// 100 when none is named). The score is the weighted mean over the groups that have counted metrics,
/// so a group without data neither helps nor hurts (Kayenta counts it as 0 instead). A failing
/// critical metric sets the score to 0. Verdict: `pass` at or above `thresholds.pass`, `marginal`
/// at or above `thresholds.marginal`, `fail` below, and `fail` when no weighted group had data.
public struct JudgeScore: Sendable, Hashable {
    /// The score, 0 to 100.
    public var score: Double
    /// The verdict against the thresholds.
    public var verdict: JudgeVerdict
    /// Whether some weighted group had data; a provider may report a score without data as inconclusive.
    public var hasData: Bool
    /// Each group's part, in order of first appearance.
    public var groups: [JudgeGroupScore]
    /// Each metric's judgement, in input order.
    public var metrics: [JudgedMetric]
    /// Names of critical metrics that failed; non-empty means the score is 0.
    public var failedCriticalMetrics: [String]

    /// Judges each metric's samples, then scores them.
    public init(judging samples: [CanaryMetricSamples], groupWeights: [String: Double] = [:], thresholds: JudgeThresholds = JudgeThresholds()) {
        self.init(metrics: samples.map(JudgedMetric.init), groupWeights: groupWeights, thresholds: thresholds)
    }

    /// Scores metrics that are already judged.
    public init(metrics: [JudgedMetric], groupWeights: [String: Double] = [:], thresholds: JudgeThresholds = JudgeThresholds()) {
        var order: [String] = []
        var members: [String: [JudgedMetric]] = [:]
        for metric in metrics {
            if members[metric.group] == nil { order.append(metric.group) }
            members[metric.group, default: []].append(metric)
        }
        let weights = Self.weights(for: order, configured: groupWeights)
        let groups = order.map { name in
            let groupMetrics = members[name] ?? []
            let passCount = groupMetrics.filter { $0.isCounted && !$0.isFailing }.count
            let failCount = groupMetrics.filter(\.isFailing).count
            let counted = passCount + failCount
            return JudgeGroupScore(
                name: name, weight: weights[name] ?? 0,
                score: counted == 0 ? nil : Double(passCount) / Double(counted) * 100,
                passCount: passCount, failCount: failCount, noDataCount: groupMetrics.count - counted
            )
        }
        var weightedSum = 0.0
        var weightTotal = 0.0
        for group in groups where group.weight > 0 {
            guard let score = group.score else { continue }
            weightedSum += score * group.weight
            weightTotal += group.weight
        }
        let failedCritical = metrics.filter { $0.isCritical && $0.isFailing }.map(\.name)
        let hasData = weightTotal > 0
        let score = hasData && failedCritical.isEmpty ? min(100, max(0, weightedSum / weightTotal)) : 0
        self.score = score
        self.hasData = hasData
        self.groups = groups
        self.metrics = metrics
        self.failedCriticalMetrics = failedCritical
        if !hasData || !failedCritical.isEmpty {
            verdict = .fail
        } else if score >= thresholds.pass {
            verdict = .pass
        } else if score >= thresholds.marginal {
            verdict = .marginal
        } else {
            verdict = .fail
        }
    }

    /// Each group's weight: as configured (negative counts as 0), or an equal share of what the
    /// configured weights leave of 100.
    static func weights(for groups: [String], configured: [String: Double]) -> [String: Double] {
        let unnamed = groups.filter { configured[$0] == nil }
        let left = max(0, 100 - configured.values.map { max(0, $0) }.reduce(0, +))
        let share = unnamed.isEmpty ? 0 : left / Double(unnamed.count)
        var weights: [String: Double] = [:]
        for group in groups {
            weights[group] = configured[group].map { max(0, $0) } ?? share
        }
        return weights
    }
}
