/// When a metric's next measurement is due: after `initialDelay`, then every `interval`; `nil` once it
/// has taken all it will or has reached a final phase.
public func nextMeasurementTime(_ metric: Metric, result: MetricResult?, runStartedAt start: Instant) -> Instant? {
    let taken = (result?.count ?? 0) + (result?.error ?? 0)
    if let expected = expectedMeasurementCount(metric), (result?.count ?? 0) >= expected { return nil }
    if let phase = result?.phase, phase.isCompleted { return nil }
    let first = start.adding(seconds: metric.initialDelay?.seconds ?? 0)
    return first.adding(seconds: Double(taken) * (metric.interval?.seconds ?? 0))
}

/// A sentence naming the metric that decided a finished run's phase, e.g. `metric "errors" assessed Failed: 2 failed, ...`.
public func runOutcomeMessage(phase: AnalysisPhase, results: [MetricResult]) -> String? {
    guard phase.isCompleted, phase != .successful, let culprit = results.first(where: { $0.phase == phase }) else { return nil }
    return "metric \"\(culprit.name)\" assessed \(culprit.phase.rawValue): \(culprit.failed ?? 0) failed, \(culprit.inconclusive ?? 0) inconclusive, \(culprit.error ?? 0) errors"
}
