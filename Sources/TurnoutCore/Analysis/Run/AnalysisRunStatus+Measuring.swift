extension AnalysisRunStatus {
    /// The metric whose measurement is due first at `now` (earliest due time, then spec order), or `nil`
    /// when nothing is due or the run is finished. A metric with a `Running` measurement is due at its
    /// `resumeAt` (at once when it has none): the next call resumes that measurement rather than starting one.
    public func nextDueMeasurement(of spec: AnalysisRunSpec, startedAt: Instant, now: Instant) -> (metric: Metric, dueAt: Instant)? {
        nextDueMeasurement(of: spec, startedAt: startedAt, now: now, skipping: [])
    }

    /// When the next measurement of an unfinished run is due (or its `Running` one is to be resumed), after
    /// `now` or not; `nil` when none will be.
    public func nextMeasurementTime(of spec: AnalysisRunSpec, startedAt: Instant) -> Instant? {
        guard !phase.isCompleted else { return nil }
        return spec.metrics.compactMap { dueTime(of: $0, startedAt: startedAt) }.min()
    }

    /// The due metric, leaving out the metrics named in `skipping`.
    private func nextDueMeasurement(of spec: AnalysisRunSpec, startedAt: Instant, now: Instant, skipping: Set<String>) -> (metric: Metric, dueAt: Instant)? {
        guard !phase.isCompleted else { return nil }
        var earliest: (metric: Metric, dueAt: Instant)?
        for metric in spec.metrics where !skipping.contains(metric.name) {
            guard let due = dueTime(of: metric, startedAt: startedAt), due <= now else { continue }
            if earliest == nil || due < earliest!.dueAt { earliest = (metric, due) }
        }
        return earliest
    }

    /// When a metric is next due: a `Running` measurement at its `resumeAt` (or when it started), else by its schedule.
    private func dueTime(of metric: Metric, startedAt: Instant) -> Instant? {
        let result = result(named: metric.name)
        if let running = result?.inProgressMeasurement {
            return running.resumeAt.flatMap { Instant(rfc3339: $0) } ?? running.startedAt.flatMap { Instant(rfc3339: $0) } ?? startedAt
        }
        return TurnoutCore.nextMeasurementTime(metric, result: result, runStartedAt: startedAt)
    }

    /// Records one measurement of a metric: counters, retention, the metric's phase, then the run's phase
    /// and message (`assessRun(of:)`). A measurement that is not finished (`Running`) replaces the metric's
    /// unfinished one, if any, and is not counted; a finished one replaces it and is counted.
    public mutating func record(_ measurement: Measurement, of metric: Metric, in spec: AnalysisRunSpec) {
        var results = metricResults ?? []
        let index = results.firstIndex { $0.name == metric.name } ?? {
            var fresh = MetricResult(name: metric.name, phase: .pending)
            if spec.isDryRun(metric.name) { fresh.dryRun = true }
            results.append(fresh)
            return results.count - 1
        }()
        if results[index].inProgressMeasurement != nil { results[index].measurements?.removeLast() }
        if measurement.phase.isCompleted {
            recordMeasurement(measurement, into: &results[index], keeping: spec.retentionLimit(metric.name))
            results[index].phase = assessMetric(metric, results[index])
        } else {
            // Still running (a long query, a Job): kept as the newest measurement, counted once it finishes.
            var kept = (results[index].measurements ?? []) + [measurement]
            if kept.count > spec.retentionLimit(metric.name) { kept.removeFirst(kept.count - spec.retentionLimit(metric.name)) }
            results[index].measurements = kept
            results[index].phase = .running
        }
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
    /// A measurement that comes back `Running` is kept unfinished; a later call passes it to `resume` once its
    /// `resumeAt` has come, and `resume` returns it finished or still running (then not asked again in the
    /// same call). Without `resume`, an unfinished measurement ends in Error.
    ///
    /// This is the one measurement loop of every runtime: the analysis-run driver calls it.
    @discardableResult
    public mutating func measureDue(
        _ spec: AnalysisRunSpec, startedAt: Instant, now: Instant, limit: Int = 100,
        measure: @Sendable (Metric, Instant) async -> Measurement,
        resume: (@Sendable (Metric, Measurement) async -> Measurement)? = nil
    ) async -> Bool {
        var recorded = false
        var taken = 0
        var unfinished: Set<String> = []
        while taken < limit, let (metric, due) = nextDueMeasurement(of: spec, startedAt: startedAt, now: now, skipping: unfinished) {
            taken += 1
            var measurement: Measurement
            if let running = result(named: metric.name)?.inProgressMeasurement {
                if let resume {
                    measurement = await resume(metric, running)
                } else {
                    measurement = Measurement(phase: .error, message: "metric \(metric.name): the measurement was left running and cannot be resumed")
                }
                if measurement.startedAt == nil { measurement.startedAt = running.startedAt }
            } else {
                measurement = await measure(metric, due)
                if measurement.startedAt == nil { measurement.startedAt = due.rfc3339 }
            }
            if !measurement.phase.isCompleted { unfinished.insert(metric.name) }
            record(measurement, of: metric, in: spec)
            recorded = true
        }
        return recorded
    }

    /// Ends every unfinished measurement with what `finish` returns (a provider stopping its query or Job);
    /// returns whether any was ended.
    @discardableResult
    public mutating func finishUnfinishedMeasurements(_ spec: AnalysisRunSpec, finish: @Sendable (Metric, Measurement) async -> Measurement) async -> Bool {
        var finished = false
        for metric in spec.metrics {
            guard let running = result(named: metric.name)?.inProgressMeasurement else { continue }
            var measurement = await finish(metric, running)
            if !measurement.phase.isCompleted { measurement.phase = .error }
            if measurement.startedAt == nil { measurement.startedAt = running.startedAt }
            record(measurement, of: metric, in: spec)
            finished = true
        }
        return finished
    }

    /// The result of the metric named `name`, if it has one.
    public func result(named name: String) -> MetricResult? {
        metricResults?.first { $0.name == name }
    }
}

extension MetricResult {
    /// The newest measurement when it has not finished (`Running` or `Pending`), else `nil`.
    public var inProgressMeasurement: Measurement? {
        guard let last = measurements?.last, !last.phase.isCompleted else { return nil }
        return last
    }
}
