import TurnoutCore

extension AnalysisRunDriver {
    /// Takes the due measurements of the rollout's unfinished, unterminated runs and resumes their `Running`
    /// ones whose time has come; ends the unfinished runs someone terminated; stores each run whose status changed.
    public func measureDue(of rollout: Rollout) async throws {
        try await measureDue(ofRollout: rollout.key)
    }

    /// `measureDue(of:)` by key; standalone runs are kept under the rollout name `""`.
    public func measureDue(ofRollout key: RolloutKey) async throws {
        for record in try await store.analysisRuns(ofRollout: key) where !record.phase.isCompleted {
            if record.isTerminated {
                try await finishTerminated(record)
            } else {
                try await measureDue(record)
            }
        }
    }

    /// Takes one run's due measurements (with the shared core loop `AnalysisRunStatus.measureDue`) and stores the new status.
    public func measureDue(_ record: AnalysisRunRecord) async throws {
        let now = clock.now()
        var status = record.run.status ?? AnalysisRunStatus(phase: .running)
        let started = status.startedAt.flatMap { Instant(rfc3339: $0) } ?? record.createdAt
        guard status.nextDueMeasurement(of: record.run.spec, startedAt: started, now: now) != nil else { return }
        let resolution = await resolution(of: record)
        let spec = (try? resolution.get().spec) ?? record.run.spec
        let context = context(of: record, arguments: (try? resolution.get().values) ?? [:])
        let (providers, clock) = (providers, clock)
        let unresolved: TurnoutCore.Measurement? = {
            guard case .failure(let error) = resolution else { return nil }
            return TurnoutCore.Measurement(phase: .error, message: "resolve arguments: \(error.description)")
        }()
        let changed = await status.measureDue(spec, startedAt: started, now: now, measure: { metric, _ in
            if let unresolved { return unresolved }
            guard let provider = providers.provider(for: metric) else { return Self.unavailable(metric) }
            return Self.stamped(await provider.measure(metric, context: context), clock: clock)
        }, resume: { metric, running in
            if let unresolved { return unresolved }
            guard let provider = providers.provider(for: metric) else { return Self.unavailable(metric) }
            return Self.stamped(await provider.resume(metric, measurement: running, context: context), clock: clock)
        })
        guard changed else { return }
        try await store.updateAnalysisRunStatus(status, of: record.key)
    }

    /// When the next measurement of any of the rollout's unfinished runs is due (or a `Running` one is to be resumed).
    public func nextMeasurement(ofRollout key: RolloutKey) async throws -> Instant? {
        try await store.analysisRuns(ofRollout: key).filter { !$0.isTerminated }.compactMap { record -> Instant? in
            guard let status = record.run.status else { return nil }
            let started = status.startedAt.flatMap { Instant(rfc3339: $0) } ?? record.createdAt
            return status.nextMeasurementTime(of: record.run.spec, startedAt: started)
        }.min()
    }

    // MARK: Arguments

    /// The run's spec with its arguments substituted into the metrics, and the argument values; Secrets are
    /// read only when an argument needs one.
    func resolution(of record: AnalysisRunRecord) async -> Result<(spec: AnalysisRunSpec, values: [String: String]), AnalysisArgumentError> {
        let spec = record.run.spec
        let names = Self.secretNames(spec.args ?? [])
        let secrets = names.isEmpty ? [:] : ((try? await store.secrets(named: names, in: record.key.namespace)) ?? [:])
        do throws(AnalysisArgumentError) {
            let values = try argumentValues(spec.args ?? [], secrets: secrets)
            var resolved = spec
            resolved.metrics = try spec.metrics.map { metric throws(AnalysisArgumentError) in try metric.substitutingArguments(values) }
            return .success((resolved, values))
        } catch {
            return .failure(error)
        }
    }

    /// The Secrets that arguments without a value read.
    static func secretNames(_ arguments: [AnalysisArgument]) -> Set<String> {
        Set(arguments.compactMap { $0.value == nil ? $0.valueFrom?.secretKeyRef?.name : nil })
    }

    /// The resolved spec and values, or the spec as stored and no values when the arguments do not resolve.
    func resolved(_ record: AnalysisRunRecord) async throws -> (AnalysisRunSpec, [String: String]) {
        switch await resolution(of: record) {
        case .success(let resolved): return (resolved.spec, resolved.values)
        case .failure: return (record.run.spec, [:])
        }
    }

    /// What a provider is told about the run.
    func context(of record: AnalysisRunRecord, arguments: [String: String]) -> MeasurementContext {
        MeasurementContext(
            runName: record.name, arguments: arguments, revisionHash: record.revisionHash,
            stableHash: record.run.metadata.annotations?[Self.stableHashAnnotation], namespace: record.key.namespace)
    }

    // MARK: Measurements

    /// An error measurement naming the provider kind this runtime does not have.
    static func unavailable(_ metric: Metric) -> TurnoutCore.Measurement {
        let kinds = metric.provider.kindNames.joined(separator: ", ")
        return TurnoutCore.Measurement(phase: .error, message: "metric \(metric.name): provider \(kinds.isEmpty ? "(none)" : kinds) is not available on this runtime")
    }

    /// A finished measurement with its finishing time set (now) when the provider left it out.
    static func stamped(_ measurement: TurnoutCore.Measurement, clock: any InstantClock) -> TurnoutCore.Measurement {
        var measurement = measurement
        if measurement.phase.isCompleted, measurement.finishedAt == nil { measurement.finishedAt = clock.now().rfc3339 }
        return measurement
    }

    /// A measurement ended by termination without a provider to stop it.
    static func terminated(_ measurement: TurnoutCore.Measurement) -> TurnoutCore.Measurement {
        var ended = measurement
        ended.phase = .successful
        ended.message = "terminated"
        return ended
    }
}
