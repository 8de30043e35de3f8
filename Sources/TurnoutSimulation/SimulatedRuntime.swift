import TurnoutCore
import TurnoutRuntime

/// An in-memory runtime: revisions whose replicas become ready after a delay, a router that applies
/// at once, and analysis runs whose measurements follow given outcomes. Time comes from a `SimulatedClock`.
public actor SimulatedRuntime: RolloutStore, Workloads, TrafficRouter, AnalysisRuns {
    /// One simulated replica.
    struct Replica {
        var startedAt: Instant
    }

    /// One simulated revision.
    struct Revision {
        var target: RevisionTarget
        var replicas: [Replica]
    }

    /// One simulated analysis run.
    struct Run {
        var name: String
        var spec: AnalysisRunSpec
        var outcomes: [String: AnalysisOutcome]
        var startedAt: Instant
        var status: AnalysisRunStatus
        var isTerminated: Bool
    }

    /// The rollout as the simulated store holds it.
    public private(set) var rollout: Rollout
    private let templates: [AnalysisTemplate]
    private let outcomes: [String: AnalysisOutcome]
    private let podReadySeconds: Double
    private let clock: SimulatedClock
    private var revisionsByHash: [String: Revision] = [:]
    private var traffic: TrafficState?
    private var runs: [Run] = []
    /// Events recorded so far.
    public private(set) var events: [RolloutEvent] = []

    /// Creates a runtime holding one rollout and the templates its analysis may use.
    public init(rollout: Rollout, templates: [AnalysisTemplate], outcomes: [String: AnalysisOutcome], podReadySeconds: Double, clock: SimulatedClock) {
        self.rollout = rollout
        self.templates = templates
        self.outcomes = outcomes
        self.podReadySeconds = podReadySeconds
        self.clock = clock
    }

    // MARK: RolloutStore

    public func rollout(named name: String) -> Rollout? {
        name == rollout.name ? rollout : nil
    }

    public func analysisTemplate(named name: String, clusterScoped: Bool) -> AnalysisTemplate? {
        templates.first { $0.name == name && $0.isClusterScoped == clusterScoped }
    }

    public func saveStatus(_ status: RolloutStatus, ofRollout name: String, expectedResourceVersion: String?) {
        rollout.status = status
    }

    public func record(_ events: [RolloutEvent], forRollout name: String, at time: Instant) {
        self.events += events
    }

    /// Replaces the rollout, e.g. after a new template or an operation.
    public func replaceRollout(_ newRollout: Rollout) {
        rollout = newRollout
    }

    // MARK: Workloads

    public func revisions(of rollout: Rollout) -> [RevisionState] {
        let now = clock.now()
        return revisionsByHash.values.map { revision in
            let ready = revision.replicas.filter { now.seconds(since: $0.startedAt) >= podReadySeconds }.count
            let minReady = Double(rollout.spec.minReadySeconds ?? 0)
            let available = revision.replicas.filter { now.seconds(since: $0.startedAt) >= podReadySeconds + minReady }.count
            return RevisionState(
                hash: revision.target.hash, number: revision.target.number, template: revision.target.template,
                replicas: revision.replicas.count, readyReplicas: ready, availableReplicas: available,
                scaleDownAt: revision.target.scaleDownAt, restartedAt: revision.target.restartAt
            )
        }.sorted { $0.number < $1.number }
    }

    public func apply(_ targets: [RevisionTarget], deleting: [String], for rollout: Rollout) {
        let now = clock.now()
        for target in targets {
            var revision = revisionsByHash[target.hash] ?? Revision(target: target, replicas: [])
            if let restartAt = target.restartAt, restartAt != revision.target.restartAt {
                revision.replicas = revision.replicas.map { _ in Replica(startedAt: now) }
            }
            revision.target = target
            if revision.replicas.count < target.replicas {
                revision.replicas += Array(repeating: Replica(startedAt: now), count: target.replicas - revision.replicas.count)
            } else if revision.replicas.count > target.replicas {
                revision.replicas.removeLast(revision.replicas.count - target.replicas)
            }
            revisionsByHash[target.hash] = revision
        }
        for hash in deleting {
            revisionsByHash[hash] = nil
        }
    }

    /// Starts a revision with all its replicas ready, as a healthy starting point.
    public func seedReadyRevision(_ target: RevisionTarget, startedAt: Instant) {
        revisionsByHash[target.hash] = Revision(
            target: target,
            replicas: Array(repeating: Replica(startedAt: startedAt.adding(seconds: -podReadySeconds - 3600)), count: target.replicas)
        )
    }

    /// When the next replica becomes ready (or available), if one is still starting.
    public func nextReadiness(after now: Instant) -> Instant? {
        let minReady = Double(rollout.spec.minReadySeconds ?? 0)
        return revisionsByHash.values.flatMap(\.replicas).flatMap {
            [$0.startedAt.adding(seconds: podReadySeconds), $0.startedAt.adding(seconds: podReadySeconds + minReady)]
        }.filter { $0 > now }.min()
    }

    // MARK: TrafficRouter

    /// The pins and weights as set (the simulated data plane applies them at once); it has no request router,
    /// so it reports no header or mirror routes and says so instead of echoing the wanted ones.
    public func observedTraffic(for rollout: Rollout) -> TrafficState? {
        guard var observed = traffic else { return nil }
        observed.headerRoutes = []
        observed.mirrorRoutes = []
        observed.routesRequests = false
        return observed
    }

    public func setTraffic(_ traffic: TrafficState, for rollout: Rollout) {
        self.traffic = traffic
    }

    // MARK: AnalysisRuns

    public func runs(of rollout: Rollout) async -> [AnalysisRunState] {
        await measureDueMetrics()
        return runs.map { AnalysisRunState(name: $0.name, phase: $0.status.phase, message: $0.status.message) }
    }

    public func start(_ request: AnalysisRunRequest, for rollout: Rollout) async {
        guard !runs.contains(where: { $0.name == request.name }) else { return }
        var found: [AnalysisTemplate] = []
        var runOutcomes: [String: AnalysisOutcome] = [:]
        for reference in request.analysis.allTemplates {
            guard let template = templates.first(where: { $0.name == reference.templateName && $0.isClusterScoped == (reference.clusterScope ?? false) }) else { continue }
            found.append(template)
            for metric in template.spec.metrics {
                runOutcomes[metric.name] = outcomes[reference.templateName] ?? .successful
            }
        }
        let spec = AnalysisRunSpec(templates: found, analysis: request.analysis)
        var status = AnalysisRunStatus(phase: spec.metrics.isEmpty ? .error : .running)
        if spec.metrics.isEmpty {
            status.message = "no metrics: templates \(request.analysis.allTemplates.map(\.templateName).joined(separator: ", ")) not found"
        }
        status.startedAt = clock.now().rfc3339
        runs.append(Run(name: request.name, spec: spec, outcomes: runOutcomes, startedAt: clock.now(), status: status, isTerminated: false))
        await measureDueMetrics()
    }

    public func terminate(_ name: String) {
        guard let index = runs.firstIndex(where: { $0.name == name }) else { return }
        runs[index].isTerminated = true
        if !runs[index].status.phase.isCompleted {
            runs[index].status.phase = .successful
            runs[index].status.message = "terminated"
        }
    }

    /// When the next measurement of a running analysis run is due.
    public func nextMeasurement(after now: Instant) -> Instant? {
        runs.compactMap { $0.status.nextMeasurementTime(of: $0.spec, startedAt: $0.startedAt) }.filter { $0 > now }.min()
    }

    /// Takes every measurement that is due with the shared measurement loop; each measurement's phase is the
    /// outcome given for its template.
    private func measureDueMetrics() async {
        let now = clock.now()
        for index in runs.indices where !runs[index].status.phase.isCompleted {
            var run = runs[index]
            let outcomes = run.outcomes
            await run.status.measureDue(run.spec, startedAt: run.startedAt, now: now) { metric, due in
                let phase = outcomes[metric.name]?.measurementPhase ?? .successful
                var measurement = Measurement(phase: phase, value: phase == .successful ? "0" : "1")
                measurement.finishedAt = due.rfc3339
                return measurement
            }
            runs[index] = run
        }
    }
}
