extension AnalysisRunStatus {
    /// The metric whose measurement is due first at `now` (earliest due time, then spec order), or `nil`
    /// when nothing is due or the run is finished.
    public func nextDueMeasurement(of spec: AnalysisRunSpec, startedAt: Instant, now: Instant) -> (metric: Metric, dueAt: Instant)? {
        guard !phase.isCompleted else { return nil }
        var earliest: (metric: Metric, dueAt: Instant)?
        for metric in spec.metrics {
            guard let due = TurnoutCore.nextMeasurementTime(metric, result: result(named: metric.name), runStartedAt: startedAt), due <= now else { continue }
            if earliest == nil || due < earliest!.dueAt { earliest = (metric, due) }
        }
        return earliest
    }

    /// When the next measurement of an unfinished run is due, after `now` or not; `nil` when none will be.
    public func nextMeasurementTime(of spec: AnalysisRunSpec, startedAt: Instant) -> Instant? {
        guard !phase.isCompleted else { return nil }
        return spec.metrics.compactMap { TurnoutCore.nextMeasurementTime($0, result: result(named: $0.name), runStartedAt: startedAt) }.min()
    }

    /// Records one measurement of a metric: counters, retention, the metric's phase, then the run's phase
    /// and message (`assessRun(of:)`).
    public mutating func record(_ measurement: Measurement, of metric: Metric, in spec: AnalysisRunSpec) {
        var results = metricResults ?? []
        let index = results.firstIndex { $0.name == metric.name } ?? {
            var fresh = MetricResult(name: metric.name, phase: .pending)
            if spec.isDryRun(metric.name) { fresh.dryRun = true }
            results.append(fresh)
            return results.count - 1
        }()
        recordMeasurement(measurement, into: &results[index], keeping: spec.retentionLimit(metric.name))
        results[index].phase = assessMetric(metric, results[index])
        results[index].message = measurement.phase == .error ? measurement.message : nil
        let order = Dictionary(spec.metrics.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
        metricResults = results.sorted { (order[$0.name] ?? .max) < (order[$1.name] ?? .max) }
        assessRun(of: spec)
    }

    /// Sets the run's phase and message from its metrics (Argo's rules): a counted (not dry-run) metric
    /// that is Failed, Error or Inconclusive ends the run with the worst such phase; otherwise the run is
    /// Running until every metric, dry-run ones too, has finished, then the worst counted phase
    /// (Successful when every metric is dry-run).
    public mutating func assessRun(of spec: AnalysisRunSpec) {
        let results = metricResults ?? []
        let phases = spec.metrics.map { metric in
            (phase: results.first { $0.name == metric.name }?.phase ?? .pending, isDryRun: spec.isDryRun(metric.name))
        }
        let ending = phases.filter { !$0.isDryRun && $0.phase.severity >= AnalysisPhase.inconclusive.severity }
        if let worst = ending.max(by: { $0.phase.severity < $1.phase.severity }) {
            phase = worst.phase
        } else if phases.allSatisfy({ $0.phase.isCompleted }) {
            phase = TurnoutCore.assessRun(phases)
        } else {
            phase = .running
        }
        message = runOutcomeMessage(phase: phase, results: results.filter { !($0.dryRun ?? false) }) ?? (phase.isCompleted ? message : nil)
    }

    /// Takes every measurement due at `now`, oldest first, until none is due or the run ends (a failed,
    /// errored or inconclusive metric stops the others). `measure` takes one measurement of a metric due
    /// at the given time; its `startedAt` defaults to the due time. At most `limit` measurements are taken
    /// per call, so a metric that errors without an interval cannot spin. Returns whether anything was recorded.
    ///
    /// This is the one measurement loop of every runtime: the simulation and the single-host runtime call it.
    @discardableResult
    public mutating func measureDue(
        _ spec: AnalysisRunSpec, startedAt: Instant, now: Instant, limit: Int = 100, measure: @Sendable (Metric, Instant) async -> Measurement
    ) async -> Bool {
        var recorded = false
        var taken = 0
        while taken < limit, let (metric, due) = nextDueMeasurement(of: spec, startedAt: startedAt, now: now) {
            taken += 1
            var measurement = await measure(metric, due)
            if measurement.startedAt == nil { measurement.startedAt = due.rfc3339 }
            record(measurement, of: metric, in: spec)
            recorded = true
        }
        return recorded
    }

    /// The result of the metric named `name`, if it has one.
    public func result(named name: String) -> MetricResult? {
        metricResults?.first { $0.name == name }
    }
}
