import TurnoutCore

/// The one analysis-run driver of every runtime: makes runs from templates (arguments resolved, Argo-style),
/// terminates them, and takes the measurements that are due through the metric providers, resuming the
/// ones a provider left `Running`. Runs are kept in an `AnalysisRunStore`; templates come from a `RolloutStore`.
///
/// Reading runs (`runs(of:)`) has no side effect; measuring is the explicit step `measureDue(of:)`, which
/// the rollout driver calls on every reconcile (and the runtime calls for runs applied on their own).
public struct AnalysisRunDriver: AnalysisRuns {
    /// The annotation that keeps the stable revision a run compares against (for the judge).
    public static let stableHashAnnotation = "turnout.dev/stable-hash"
    /// The label that names the revision a run judges, as Argo Rollouts sets it.
    public static let podTemplateHashLabel = "rollouts-pod-template-hash"

    /// Where runs are kept.
    public var store: any AnalysisRunStore
    /// Where templates are read.
    public var templates: any RolloutStore
    /// Who measures.
    public var providers: MetricProviders
    /// The time.
    public var clock: any InstantClock

    /// Creates the driver.
    public init(store: any AnalysisRunStore, templates: any RolloutStore, providers: MetricProviders, clock: any InstantClock) {
        self.store = store
        self.templates = templates
        self.providers = providers
        self.clock = clock
    }

    // MARK: AnalysisRuns

    /// The rollout's runs as stored, oldest first; nothing is measured.
    public func runs(of rollout: Rollout) async throws -> [AnalysisRunState] {
        try await store.analysisRuns(ofRollout: rollout.key).map(\.state)
    }

    /// Creates the run in the rollout's namespace unless one with its name exists (see `makeRun`).
    public func start(_ request: AnalysisRunRequest, for rollout: Rollout) async throws {
        let key = rollout.key.sibling(named: request.name)
        guard try await store.analysisRun(key) == nil else { return }
        let run = try await makeRun(request, for: rollout)
        try await store.createAnalysisRun(AnalysisRunRecord(
            rollout: rollout.name, role: request.role, revisionHash: request.revisionHash, run: run, createdAt: clock.now()))
    }

    /// Stops a run: an unfinished measurement is stopped by its provider, and a run that has not failed ends
    /// Successful with the measurements so far (Argo's semantics). A finished or missing run is left alone.
    public func terminate(_ key: ObjectKey) async throws {
        guard let record = try await store.analysisRun(key) else { return }
        if !record.isTerminated { try await store.terminateAnalysisRun(key) }
        try await finishTerminated(record)
    }

    /// Ends a terminated run that has not ended yet: its unfinished measurements are stopped through their
    /// providers and the run is Successful unless it already failed (someone else may have set `terminate`).
    func finishTerminated(_ record: AnalysisRunRecord) async throws {
        let key = record.key
        guard !record.phase.isCompleted else { return }
        var status = record.run.status ?? AnalysisRunStatus(phase: .running)
        let (spec, values) = try await resolved(record)
        let context = context(of: record, arguments: values)
        let providers = providers
        await status.finishUnfinishedMeasurements(spec) { metric, measurement in
            guard let provider = providers.provider(for: metric) else { return Self.terminated(measurement) }
            return await provider.terminate(metric, measurement: measurement, context: context)
        }
        if !status.phase.isCompleted || status.phase == .successful {
            status.phase = .successful
            status.message = "terminated"
        }
        try await store.updateAnalysisRunStatus(status, of: key)
    }

    // MARK: Making runs

    /// The run a request asks for: the referenced templates' metrics, arguments merged from templates and
    /// the request (`podTemplateHashValue`, `fieldRef` fixed now; `secretKeyRef` read at each measurement).
    /// A missing template, a template list without metrics, or an argument that cannot be resolved gives a
    /// run in phase Error whose message names it.
    public func makeRun(_ request: AnalysisRunRequest, for rollout: Rollout) async throws -> AnalysisRun {
        var found: [AnalysisTemplate] = []
        var missing: [String] = []
        for reference in request.analysis.allTemplates {
            let clusterScoped = reference.clusterScope ?? false
            if let template = try await templates.analysisTemplate(rollout.key.sibling(named: reference.templateName), clusterScoped: clusterScoped) {
                found.append(template)
            } else {
                missing.append(clusterScoped ? "ClusterAnalysisTemplate \(reference.templateName)" : reference.templateName)
            }
        }
        var spec = AnalysisRunSpec(templates: found, analysis: request.analysis)
        var status = AnalysisRunStatus(phase: missing.isEmpty && !spec.metrics.isEmpty ? .running : .error)
        status.startedAt = clock.now().rfc3339
        if !missing.isEmpty {
            status.message = "analysis templates not found: \(missing.joined(separator: ", "))"
        } else if spec.metrics.isEmpty {
            status.message = "analysis templates have no metrics: \(request.analysis.allTemplates.map(\.templateName).joined(separator: ", "))"
        } else {
            let names = Self.secretNames(spec.args ?? [])
            let secrets = names.isEmpty ? [:] : try await store.secrets(named: names, in: rollout.key.namespace)
            let sources = AnalysisArgumentSources(rollout: rollout, latestHash: request.revisionHash, stableHash: request.stableHash, secrets: secrets)
            switch Self.resolve(spec, given: request.analysis.args ?? [], sources: sources) {
            case .success(let args):
                spec.args = args.isEmpty ? nil : args
            case .failure(let error):
                status.phase = .error
                status.message = error.description
            }
        }
        var metadata = ObjectMeta(name: request.name)
        metadata.namespace = rollout.key.namespace
        metadata.labels = [Self.podTemplateHashLabel: request.revisionHash]
        if let stable = request.stableHash { metadata.annotations = [Self.stableHashAnnotation: stable] }
        return AnalysisRun(metadata: metadata, spec: spec, status: status)
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
}
