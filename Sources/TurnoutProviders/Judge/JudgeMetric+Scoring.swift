import TurnoutCore
import TurnoutProxy

extension JudgeMetric {
    /// Judges the canary's interval against stable's: each criterion's samples (latency or per-request
    /// errors), Mann-Whitney per metric, then the weighted score against the thresholds.
    func score(canary: RevisionMetricsSnapshot?, stable: RevisionMetricsSnapshot?) -> JudgeScore {
        let confidence = self.confidence ?? 0.98
        var weights: [String: Double] = [:]
        let samples = metrics.map { criterion in
            let group = criterion.group ?? criterion.name
            if let weight = criterion.weight, weights[group] == nil { weights[group] = weight }
            let criteria = CanaryMetricCriteria(
                direction: criterion.direction ?? .increase, confidenceLevel: confidence,
                allowedIncrease: criterion.allowedIncrease ?? 1, allowedDecrease: criterion.allowedDecrease ?? 1,
                minimumSampleCount: criterion.minimumSamples ?? 5, isCritical: criterion.critical ?? false)
            switch criterion.kind {
            case .latency:
                return CanaryMetricSamples(name: criterion.name, group: group, canary: JudgeSamples.latencies(canary), stable: JudgeSamples.latencies(stable), criteria: criteria)
            case .errorRate:
                return CanaryMetricSamples(name: criterion.name, group: group, canary: JudgeSamples.errors(canary), stable: JudgeSamples.errors(stable), criteria: criteria)
            }
        }
        let thresholds = JudgeThresholds(pass: self.thresholds?.pass ?? 95, marginal: self.thresholds?.marginal ?? 75)
        return JudgeScore(judging: samples, groupWeights: weights, thresholds: thresholds)
    }
}

extension JudgeScore {
    /// The measurement phase of a verdict when the metric sets no conditions: Pass → Successful,
    /// Marginal → Inconclusive (the rollout pauses for a person), Fail → Failed.
    var measurementPhase: AnalysisPhase {
        switch verdict {
        case .pass: return .successful
        case .marginal: return .inconclusive
        case .fail: return .failed
        }
    }

    /// The score as `result`: `score`, `verdict`, `hasData`, `failedCriticalMetrics`, and per metric its
    /// `classification`, `reason`, sample counts, `pValue`, `effectSize` and means (finite numbers only).
    var result: JSONValue {
        var perMetric: [String: JSONValue] = [:]
        for metric in metrics {
            let comparison = metric.comparison
            var fields: [String: JSONValue] = [
                "classification": .string(comparison.classification.rawValue),
                "reason": .string(comparison.reason),
                "canaryCount": .int(comparison.canaryCount),
                "stableCount": .int(comparison.stableCount),
                "critical": .bool(metric.isCritical),
            ]
            let numbers: [(String, Double?)] = [
                ("pValue", comparison.test?.pValue), ("effectSize", comparison.effectSize),
                ("canaryMean", comparison.canaryMean), ("stableMean", comparison.stableMean),
            ]
            for case let (name, value?) in numbers where value.isFinite { fields[name] = .double(value) }
            perMetric[metric.name] = .object(fields)
        }
        return .object([
            "score": .double(score),
            "verdict": .string(verdict.rawValue),
            "hasData": .bool(hasData),
            "failedCriticalMetrics": .array(failedCriticalMetrics.map(JSONValue.string)),
            "metrics": .object(perMetric),
        ])
    }
}
