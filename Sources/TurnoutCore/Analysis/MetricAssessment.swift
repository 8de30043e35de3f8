/// The phase a metric is in given its counters, with Argo Rollouts' limits and defaults.
///
/// Failed when failures exceed `failureLimit` (default 0; -1 never fails), Inconclusive when inconclusive
/// measurements exceed `inconclusiveLimit` (default 0), Error when errors in a row exceed
/// `consecutiveErrorLimit` (default 4), Successful once `consecutiveSuccessLimit` successes in a row or the
/// expected `count` of measurements are in, Running otherwise.
public func assessMetric(_ metric: Metric, _ result: MetricResult) -> AnalysisPhase {
    let failureLimit = metric.failureLimit?.intValue ?? 0
    let inconclusiveLimit = metric.inconclusiveLimit?.intValue ?? 0
    let errorLimit = metric.consecutiveErrorLimit?.intValue ?? 4
    if failureLimit >= 0 && (result.failed ?? 0) > failureLimit { return .failed }
    if (result.inconclusive ?? 0) > inconclusiveLimit { return .inconclusive }
    if errorLimit >= 0 && (result.consecutiveError ?? 0) > errorLimit { return .error }
    if let successLimit = metric.consecutiveSuccessLimit?.intValue, successLimit > 0, (result.consecutiveSuccess ?? 0) >= successLimit {
        return .successful
    }
    if let expected = expectedMeasurementCount(metric), (result.count ?? 0) >= expected {
        return .successful
    }
    return (result.count ?? 0) == 0 && (result.error ?? 0) == 0 ? .pending : .running
}

/// How many measurements a metric takes: `count`, or one when it has neither count nor interval; `nil` means until terminated.
public func expectedMeasurementCount(_ metric: Metric) -> Int? {
    if let count = metric.count?.intValue { return max(count, 1) }
    return metric.interval == nil ? 1 : nil
}

/// A run's phase from its metrics' phases: the worst non-dry-run phase; Successful only when all are.
public func assessRun(_ phases: [(phase: AnalysisPhase, isDryRun: Bool)]) -> AnalysisPhase {
    let counted = phases.filter { !$0.isDryRun }.map(\.phase)
    guard let worst = counted.max(by: { $0.severity < $1.severity }) else { return .successful }
    if worst.severity >= AnalysisPhase.inconclusive.severity { return worst }
    if counted.allSatisfy({ $0 == .successful }) { return .successful }
    return .running
}

/// Adds one measurement to a metric's counters.
public func recordMeasurement(_ measurement: Measurement, into result: inout MetricResult, keeping limit: Int = 10) {
    result.count = (result.count ?? 0) + (measurement.phase == .error ? 0 : 1)
    switch measurement.phase {
    case .successful:
        result.successful = (result.successful ?? 0) + 1
        result.consecutiveSuccess = (result.consecutiveSuccess ?? 0) + 1
        result.consecutiveError = 0
    case .failed:
        result.failed = (result.failed ?? 0) + 1
        result.consecutiveSuccess = 0
        result.consecutiveError = 0
    case .inconclusive:
        result.inconclusive = (result.inconclusive ?? 0) + 1
        result.consecutiveSuccess = 0
        result.consecutiveError = 0
    case .error:
        result.error = (result.error ?? 0) + 1
        result.consecutiveError = (result.consecutiveError ?? 0) + 1
        result.consecutiveSuccess = 0
    case .pending, .running:
        break
    }
    var kept = (result.measurements ?? []) + [measurement]
    if kept.count > max(1, limit) { kept.removeFirst(kept.count - max(1, limit)) }
    result.measurements = kept
}
