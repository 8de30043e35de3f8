/// The working state of one reconcile: what was observed, and the decision being built.
struct ReconcileContext {
    let snapshot: RolloutSnapshot
    let now: Instant
    let spec: RolloutSpec
    let replicas: Int
    /// The template hash the spec asks for.
    let desiredHash: String
    var status: RolloutStatus
    var targets: [RevisionTarget]
    var traffic: TrafficState?
    var deletedRevisions: [String] = []
    var runsToStart: [AnalysisRunRequest] = []
    var runsToTerminate: [String] = []
    var events: [RolloutEvent] = []
    var wakeUps: [Instant] = []
    /// What the rollout is waiting for, in words; becomes the status message.
    var waitingFor: String?

    init(snapshot: RolloutSnapshot, template: PodTemplate, now: Instant) {
        self.snapshot = snapshot
        self.now = now
        self.spec = snapshot.rollout.spec
        self.replicas = snapshot.rollout.spec.effectiveReplicas
        self.desiredHash = Self.revisionHash(for: template, among: snapshot.revisions)
        self.status = snapshot.rollout.status ?? RolloutStatus()
        self.targets = snapshot.revisions.map {
            RevisionTarget(hash: $0.hash, number: $0.number, template: $0.template, replicas: $0.replicas, scaleDownAt: $0.scaleDownAt)
        }
        self.traffic = snapshot.traffic
    }

    /// The rollout's name.
    var name: String { snapshot.rollout.name }

    /// The hash naming the template's revision: its own hash when that revision exists, else the newest existing
    /// revision whose template matches (`podTemplatesMatch`: adopted, e.g. a ReplicaSet made by Argo Rollouts),
    /// else its own hash for a new revision.
    static func revisionHash(for template: PodTemplate, among revisions: [RevisionState]) -> String {
        let own = podTemplateHash(template)
        if revisions.contains(where: { $0.hash == own }) { return own }
        let matching = revisions.filter { podTemplatesMatch($0.template, template) }
        return matching.max { $0.number < $1.number }?.hash ?? own
    }

    /// The observed state of a revision.
    func observed(_ hash: String?) -> RevisionState? {
        snapshot.revision(hash)
    }

    /// Desired replicas set so far for a revision.
    func target(_ hash: String) -> RevisionTarget? {
        targets.first { $0.hash == hash }
    }

    /// Sets the desired replicas of a revision; clears a pending scale-down when it is to keep pods.
    mutating func scale(_ hash: String, to count: Int) {
        guard let index = targets.firstIndex(where: { $0.hash == hash }) else { return }
        targets[index].replicas = max(0, count)
        if count > 0 { targets[index].scaleDownAt = nil }
    }

    /// Scales a revision to zero at `deadline`, keeping its replicas until then.
    mutating func scaleDown(_ hash: String, at deadline: Instant) {
        guard let index = targets.firstIndex(where: { $0.hash == hash }) else { return }
        guard targets[index].replicas > 0 else {
            targets[index].scaleDownAt = nil
            return
        }
        let due = targets[index].scaleDownAt ?? deadline
        if due <= now {
            targets[index].replicas = 0
            targets[index].scaleDownAt = nil
        } else {
            targets[index].scaleDownAt = due
            wake(at: due)
        }
    }

    /// Asks for another look at `instant`.
    mutating func wake(at instant: Instant) {
        wakeUps.append(instant)
    }

    /// Records what the rollout waits for, keeping the first reason given.
    mutating func wait(for reason: String) {
        if waitingFor == nil { waitingFor = reason }
    }

    /// Whether the router reports `wanted` in effect: the same pins and weight, and the same header and mirror
    /// routes installed by name (their match details are the router's business). A runtime without a request
    /// router (`routesRequests == false`) is not waited on for routes.
    func isTrafficVerified(_ wanted: TrafficState) -> Bool {
        guard let observed = snapshot.traffic else { return false }
        guard observed.hasSamePins(as: wanted), observed.canaryWeight == wanted.canaryWeight else { return false }
        if observed.routesRequests == false { return true }
        return Set(observed.routeNames.header) == Set(wanted.routeNames.header)
            && Set(observed.routeNames.mirror) == Set(wanted.routeNames.mirror)
    }

    /// The next traffic state toward `wanted` that is safe from the observed one, so the engine, not each router,
    /// owns the order: a service pin (canary/stable Service → revision) moves and is confirmed before a weight
    /// change that depends on it, with the weight held at its observed value meanwhile; a canary Service that
    /// still carries weight is first taken to 0 before it is pointed at another revision.
    func stagedTraffic(toward wanted: TrafficState) -> TrafficState {
        guard let observed = snapshot.traffic, wanted.canaryWeight != nil, !observed.hasSamePins(as: wanted) else { return wanted }
        let observedWeight = observed.canaryWeight ?? 0
        if observed.canary != wanted.canary, observedWeight > 0, observed.canary != observed.stable {
            return TrafficState(stable: observed.stable, canary: observed.canary, canaryWeight: 0)
        }
        let keepsRoutes = observed.canary == wanted.canary
        return TrafficState(
            stable: wanted.stable, canary: wanted.canary, canaryWeight: observed.canary == observed.stable ? 0 : observedWeight,
            headerRoutes: keepsRoutes ? observed.headerRoutes : [], mirrorRoutes: keepsRoutes ? observed.mirrorRoutes : [])
    }

    /// The name of the run for a role of the desired revision, unique per retry.
    func analysisRunName(_ role: AnalysisRunRole) -> String {
        "\(name)-\(desiredHash)-\(status.retries ?? 0)-\(role.label)"
    }

    /// The phase of the run for a role, starting it when it does not exist yet.
    mutating func ensureAnalysisRun(_ role: AnalysisRunRole, _ analysis: RolloutAnalysis) -> AnalysisRunState {
        let runName = analysisRunName(role)
        if let run = snapshot.analysisRun(named: runName) {
            return run
        }
        if !runsToStart.contains(where: { $0.name == runName }) {
            runsToStart.append(AnalysisRunRequest(name: runName, role: role, analysis: analysis, revisionHash: desiredHash, stableHash: status.stableRS))
            events.append(RolloutEvent(.analysisRunStarted, "started analysis run \(runName)"))
        }
        return AnalysisRunState(name: runName, phase: .pending)
    }

    /// Terminates every running analysis run of this rollout except the named ones.
    mutating func terminateRuns(except kept: Set<String> = []) {
        for run in snapshot.analysisRuns where !run.phase.isCompleted && !kept.contains(run.name) {
            if !runsToTerminate.contains(run.name) { runsToTerminate.append(run.name) }
        }
    }

    /// Marks the update aborted because of `reason`.
    mutating func abort(because reason: String) {
        status.abort = true
        status.abortedAt = now
        status.abortReason = reason
        events.append(RolloutEvent(.aborted, reason, isWarning: true))
    }
}
