import TurnoutCore
import TurnoutRuntime

/// The single-host `AnalysisRuns`: makes runs from the store's templates, takes each metric's measurements
/// when they are due (on every look), and keeps runs and measurements in the store.
public actor LocalAnalysisRuns: AnalysisRuns {
    private let store: LocalStore
    private let providers: [String: any MetricProvider]
    private let clock: any InstantClock

    /// Creates the adapter; `providers` maps a provider kind (`job`, `web`, ...) to its implementation.
    public init(store: LocalStore, providers: [String: any MetricProvider], clock: any InstantClock) {
        self.store = store
        self.providers = providers
        self.clock = clock
    }

    public func runs(of rollout: Rollout) async throws -> [AnalysisRunState] {
        for record in try store.analysisRuns(ofRollout: rollout.name) where !record.phase.isCompleted && !record.isTerminated {
            try await measureDue(record)
        }
        return try store.analysisRuns(ofRollout: rollout.name).map(\.state)
    }

    public func start(_ request: AnalysisRunRequest, for rollout: Rollout) async throws {
        guard try store.analysisRun(named: request.name) == nil else { return }
        var metrics: [Metric] = []
        var missing: [String] = []
        for reference in request.analysis.allTemplates {
            if let template = try store.analysisTemplate(named: reference.templateName, clusterScoped: reference.clusterScope ?? false) {
                metrics += template.spec.metrics
            } else {
                missing.append(reference.templateName)
            }
        }
        let now = clock.now()
        var status = AnalysisRunStatus(phase: missing.isEmpty && !metrics.isEmpty ? .running : .error)
        status.startedAt = now.rfc3339
        if !missing.isEmpty { status.message = "analysis templates not found: \(missing.joined(separator: ", "))" }
        let run = AnalysisRun(metadata: ObjectMeta(name: request.name), spec: AnalysisRunSpec(metrics: metrics), status: status)
        _ = try store.createAnalysisRun(AnalysisRunRecord(rollout: rollout.name, role: request.role, revisionHash: request.revisionHash, run: run, createdAt: now))
        if let record = try store.analysisRun(named: request.name), record.phase == .running {
            try await measureDue(record)
        }
    }

    /// Stops a run; a run that has not failed ends Successful with the measurements so far (Argo's semantics).
    public func terminate(_ name: String) async throws {
        guard let record = try store.analysisRun(named: name), !record.isTerminated else { return }
        _ = try store.terminateAnalysisRun(named: name)
        guard !record.phase.isCompleted else { return }
        var status = record.run.status ?? AnalysisRunStatus(phase: .running)
        status.phase = .successful
        status.message = "terminated"
        try store.updateAnalysisRunStatus(status, ofRun: name)
    }

    /// Takes the measurements that are due now and stores the new status.
    private func measureDue(_ record: AnalysisRunRecord) async throws {
        let now = clock.now()
        var status = record.run.status ?? AnalysisRunStatus(phase: .running)
        let started = status.startedAt.flatMap { Instant(rfc3339: $0) } ?? record.createdAt
        var results = Dictionary((status.metricResults ?? []).map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let context = MeasurementContext(runName: record.name, arguments: [:], revisionHash: record.revisionHash, stableHash: nil)
        var changed = false
        for metric in record.run.spec.metrics {
            var result = results[metric.name] ?? MetricResult(name: metric.name, phase: .running)
            while let due = nextMeasurementTime(metric, result: result, runStartedAt: started), due <= now {
                var measurement = await measure(metric, context: context)
                measurement.startedAt = due.rfc3339
                measurement.finishedAt = clock.now().rfc3339
                recordMeasurement(measurement, into: &result)
                result.phase = assessMetric(metric, result)
                changed = true
            }
            results[metric.name] = result
        }
        guard changed else { return }
        let ordered = record.run.spec.metrics.compactMap { results[$0.name] }
        status.metricResults = ordered
        status.phase = assessRun(ordered.map { ($0.phase, false) })
        status.message = runOutcomeMessage(phase: status.phase, results: ordered)
        try store.updateAnalysisRunStatus(status, ofRun: record.name)
    }

    /// One measurement from the metric's provider, or an error measurement naming the unsupported provider.
    private func measure(_ metric: Metric, context: MeasurementContext) async -> Measurement {
        guard let kind = metric.provider.kindNames.first, let provider = providers[kind] else {
            let kinds = metric.provider.kindNames.joined(separator: ", ")
            return Measurement(phase: .error, message: "metric \(metric.name): provider \(kinds.isEmpty ? "(none)" : kinds) is not available on this runtime")
        }
        return await provider.measure(metric, context: context)
    }
}
