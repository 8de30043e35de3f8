import TurnoutCore
import TurnoutRuntime

/// An in-memory runtime: a store that honours resourceVersion, revisions whose replicas become ready after a
/// delay, a router that applies at once, and analysis runs kept for the shared `AnalysisRunDriver`, whose
/// measurements follow given outcomes. Time comes from a `SimulatedClock`.
public actor SimulatedRuntime: RolloutStore, Workloads, TrafficRouter, AnalysisRunStore {
    /// One simulated replica.
    struct Replica {
        var startedAt: Instant
    }

    /// One simulated revision.
    struct Revision {
        var target: RevisionTarget
        var replicas: [Replica]
    }

    /// The rollout as the simulated store holds it.
    public private(set) var rollout: Rollout
    private let templates: [AnalysisTemplate]
    private let podReadySeconds: Double
    private let clock: SimulatedClock
    /// Answers every measurement with the outcome given for the metric's template.
    private nonisolated let providers: MetricProviders
    private var revisionsByHash: [String: Revision] = [:]
    private var traffic: TrafficState?
    private var runs: [AnalysisRunRecord] = []
    /// Events recorded so far.
    public private(set) var events: [RolloutEvent] = []

    /// Creates a runtime holding one rollout and the templates its analysis may use.
    public init(rollout: Rollout, templates: [AnalysisTemplate], outcomes: [String: AnalysisOutcome], podReadySeconds: Double, clock: SimulatedClock) {
        var rollout = rollout
        rollout.metadata.resourceVersion = rollout.metadata.resourceVersion ?? "1"
        self.rollout = rollout
        self.templates = templates
        self.podReadySeconds = podReadySeconds
        self.clock = clock
        providers = MetricProviders([:], fallback: SimulatedMetricProvider(templates: templates, outcomes: outcomes))
    }

    /// The analysis runs of this runtime, driven by the shared analysis-run driver.
    public nonisolated var analysisRuns: AnalysisRunDriver {
        AnalysisRunDriver(store: self, templates: self, providers: providers, clock: clock)
    }

    // MARK: RolloutStore

    public func rollout(_ key: RolloutKey) -> Rollout? {
        key == rollout.key ? rollout : nil
    }

    public func analysisTemplate(_ key: ObjectKey, clusterScoped: Bool) -> AnalysisTemplate? {
        templates.first { $0.name == key.name && $0.isClusterScoped == clusterScoped }
    }

    /// Replaces the status when the rollout is still at `expectedResourceVersion`, as a store on disk or a
    /// cluster does: a stale version is a retryable conflict and writes nothing; an unchanged status keeps the version.
    public func saveStatus(_ status: RolloutStatus, of key: RolloutKey, expectedResourceVersion: String?) throws -> Rollout {
        guard key == rollout.key else { throw SimulatedStoreError.rolloutNotFound(action: "save status of", rollout: key.description) }
        let version = rollout.metadata.resourceVersion ?? "1"
        if let expectedResourceVersion, expectedResourceVersion != version {
            throw SimulatedStoreError.conflict(
                action: "save status of", rollout: key.description,
                reason: "it is at resourceVersion \(version), the status was computed from resourceVersion \(expectedResourceVersion)")
        }
        if rollout.status != status {
            rollout.status = status
            bumpVersion()
        }
        return rollout
    }

    public func record(_ events: [RolloutEvent], for key: RolloutKey, at time: Instant) {
        self.events += events
    }

    /// Replaces the rollout, e.g. after a new template or an operation; the stored resourceVersion moves on,
    /// so a status computed before is refused.
    public func replaceRollout(_ newRollout: Rollout) {
        var newRollout = newRollout
        newRollout.metadata.resourceVersion = rollout.metadata.resourceVersion
        rollout = newRollout
        bumpVersion()
    }

    /// Moves the resourceVersion on by one, as every write does.
    private func bumpVersion() {
        rollout.metadata.resourceVersion = String((Int(rollout.metadata.resourceVersion ?? "1") ?? 1) + 1)
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
            // A revision is immutable: an existing revision keeps its template (the `Workloads` contract).
            let template = revision.target.template
            revision.target = target
            revision.target.template = template
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

    // MARK: AnalysisRunStore

    public func analysisRuns(ofRollout rollout: RolloutKey) -> [AnalysisRunRecord] {
        runs.filter { $0.rollout == rollout.name && $0.key.namespace == rollout.namespace }
    }

    public func analysisRun(_ key: ObjectKey) -> AnalysisRunRecord? {
        runs.first { $0.key == key }
    }

    public func createAnalysisRun(_ record: AnalysisRunRecord) -> Bool {
        guard !runs.contains(where: { $0.key == record.key }) else { return false }
        runs.append(record)
        return true
    }

    public func updateAnalysisRunStatus(_ status: AnalysisRunStatus, of key: ObjectKey) throws {
        guard let index = runs.firstIndex(where: { $0.key == key }) else { throw SimulatedStoreError.analysisRunNotFound(action: "update status of", run: key.description) }
        runs[index].run.status = status
    }

    public func terminateAnalysisRun(_ key: ObjectKey) -> Bool {
        guard let index = runs.firstIndex(where: { $0.key == key }) else { return false }
        runs[index].isTerminated = true
        runs[index].run.spec.terminate = true
        return true
    }

    public func secrets(named names: Set<String>, in namespace: String) -> [String: [String: String]] {
        [:]
    }

    /// Every run's state, oldest first.
    public func runStates() -> [AnalysisRunState] {
        runs.map(\.state)
    }

    /// When the next measurement of a running analysis run is due (or a running one is to be resumed).
    public func nextMeasurement(after now: Instant) -> Instant? {
        runs.filter { !$0.isTerminated }.compactMap { record -> Instant? in
            guard let status = record.run.status else { return nil }
            return status.nextMeasurementTime(of: record.run.spec, startedAt: status.startedAt.flatMap { Instant(rfc3339: $0) } ?? record.createdAt)
        }.filter { $0 > now }.min()
    }
}
