import Foundation
import TurnoutCore
import TurnoutRuntime

/// The single-host `AnalysisRuns`: makes runs from the store's templates (arguments resolved, Argo-style),
/// takes each metric's measurements when they are due (on every look, with the shared core loop
/// `AnalysisRunStatus.measureDue`), and keeps runs and measurements in the store.
public actor LocalAnalysisRuns: AnalysisRuns {
    /// The annotation that keeps the stable revision a run compares against (for the judge).
    public static let stableHashAnnotation = "turnout.dev/stable-hash"

    let store: LocalStore
    private let providers: [String: any MetricProvider]
    let clock: any InstantClock

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

    /// Creates the run: the referenced templates' metrics, arguments merged from templates and the request
    /// (`podTemplateHashValue`, `fieldRef` fixed now; `secretKeyRef` read at each measurement), then takes
    /// what is due. A missing template or argument makes a run in phase Error whose message names it.
    public func start(_ request: AnalysisRunRequest, for rollout: Rollout) async throws {
        guard try store.analysisRun(named: request.name) == nil else { return }
        var templates: [AnalysisTemplate] = []
        var missing: [String] = []
        for reference in request.analysis.allTemplates {
            if let template = try store.analysisTemplate(named: reference.templateName, clusterScoped: reference.clusterScope ?? false) {
                templates.append(template)
            } else {
                missing.append(reference.templateName)
            }
        }
        let now = clock.now()
        var spec = AnalysisRunSpec(templates: templates, analysis: request.analysis)
        var status = AnalysisRunStatus(phase: missing.isEmpty && !spec.metrics.isEmpty ? .running : .error)
        status.startedAt = now.rfc3339
        if !missing.isEmpty {
            status.message = "analysis templates not found: \(missing.joined(separator: ", "))"
        } else if spec.metrics.isEmpty {
            status.message = "analysis templates have no metrics: \(request.analysis.allTemplates.map(\.templateName).joined(separator: ", "))"
        } else {
            let sources = AnalysisArgumentSources(rollout: rollout, latestHash: request.revisionHash, stableHash: request.stableHash, secrets: try secrets())
            switch Self.resolve(spec, given: request.analysis.args ?? [], sources: sources) {
            case .success(let args):
                spec.args = args.isEmpty ? nil : args
            case .failure(let error):
                status.phase = .error
                status.message = error.description
            }
        }
        var metadata = ObjectMeta(name: request.name)
        metadata.labels = [LocalRuntime.podTemplateHashLabel: request.revisionHash]
        if let stable = request.stableHash { metadata.annotations = [Self.stableHashAnnotation: stable] }
        let run = AnalysisRun(metadata: metadata, spec: spec, status: status)
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

    /// The merged arguments, checked by resolving every value and substituting them into every metric once.
    private static func resolve(_ spec: AnalysisRunSpec, given: [AnalysisRunArgument], sources: AnalysisArgumentSources) -> Result<[AnalysisArgument], AnalysisArgumentError> {
        do throws(AnalysisArgumentError) {
            let args = try mergeAnalysisArguments(declared: spec.args ?? [], given: given, sources: sources)
            let values = try argumentValues(args, secrets: sources.secrets)
            for metric in spec.metrics { _ = try metric.substitutingArguments(values) }
            return .success(args)
        } catch {
            return .failure(error)
        }
    }

    /// Takes the measurements that are due now and stores the new status.
    func measureDue(_ record: AnalysisRunRecord) async throws {
        let now = clock.now()
        var status = record.run.status ?? AnalysisRunStatus(phase: .running)
        let started = status.startedAt.flatMap { Instant(rfc3339: $0) } ?? record.createdAt
        guard status.nextDueMeasurement(of: record.run.spec, startedAt: started, now: now) != nil else { return }
        let resolution = try resolvedSpec(record.run.spec)
        let spec = (try? resolution.get().spec) ?? record.run.spec
        let context = MeasurementContext(
            runName: record.name, arguments: (try? resolution.get().values) ?? [:], revisionHash: record.revisionHash,
            stableHash: record.run.metadata.annotations?[Self.stableHashAnnotation])
        let providers = self.providers
        let clock = self.clock
        let changed = await status.measureDue(spec, startedAt: started, now: now) { @Sendable metric, _ in
            if case .failure(let error) = resolution {
                return TurnoutCore.Measurement(phase: .error, message: "resolve arguments: \(error.description)")
            }
            var measurement = await Self.measure(metric, context: context, providers: providers)
            measurement.finishedAt = clock.now().rfc3339
            return measurement
        }
        guard changed else { return }
        try store.updateAnalysisRunStatus(status, ofRun: record.name)
    }

    /// The run's spec with its arguments substituted into the metrics, and the argument values.
    private func resolvedSpec(_ spec: AnalysisRunSpec) throws -> Result<(spec: AnalysisRunSpec, values: [String: String]), AnalysisArgumentError> {
        let secrets = (spec.args ?? []).contains { $0.valueFrom?.secretKeyRef != nil && $0.value == nil } ? try self.secrets() : [:]
        do throws(AnalysisArgumentError) {
            let values = try argumentValues(spec.args ?? [], secrets: secrets)
            var resolved = spec
            resolved.metrics = try spec.metrics.map { metric throws(AnalysisArgumentError) in try metric.substitutingArguments(values) }
            return .success((resolved, values))
        } catch {
            return .failure(error)
        }
    }

    /// The stored Secrets' values by name and key: `data` decoded from base64, then `stringData` over it.
    private func secrets() throws -> [String: [String: String]] {
        var secrets: [String: [String: String]] = [:]
        for object in try store.objects(kind: "Secret") {
            guard case .other(let secret) = object, case .object(let document) = secret.document else { continue }
            var values: [String: String] = [:]
            if case .object(let data)? = document["data"] {
                for (key, value) in data {
                    if case .string(let encoded) = value, let decoded = Data(base64Encoded: encoded), let text = String(data: decoded, encoding: .utf8) {
                        values[key] = text
                    }
                }
            }
            if case .object(let stringData)? = document["stringData"] {
                for (key, value) in stringData {
                    if case .string(let text) = value { values[key] = text }
                }
            }
            secrets[secret.name] = values
        }
        return secrets
    }

    /// One measurement from the metric's provider, or an error measurement naming the unsupported provider.
    private static func measure(_ metric: Metric, context: MeasurementContext, providers: [String: any MetricProvider]) async -> TurnoutCore.Measurement {
        guard let kind = metric.provider.kindNames.first, let provider = providers[kind] else {
            let kinds = metric.provider.kindNames.joined(separator: ", ")
            return TurnoutCore.Measurement(phase: .error, message: "metric \(metric.name): provider \(kinds.isEmpty ? "(none)" : kinds) is not available on this runtime")
        }
        return await provider.measure(metric, context: context)
    }
}
