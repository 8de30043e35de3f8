import Logging
import TurnoutCore
import TurnoutRuntime

/// Runs the engine through the runtime driver against a simulated runtime, in simulated time.
public struct Simulation: Sendable {
    /// The rollout as written in the manifest.
    public var rollout: Rollout
    /// Analysis templates from the same files.
    public var templates: [AnalysisTemplate]
    /// How to run.
    public var options: SimulationOptions

    /// Creates a simulation.
    public init(rollout: Rollout, templates: [AnalysisTemplate], options: SimulationOptions) {
        self.rollout = rollout
        self.templates = templates
        self.options = options
    }

    /// The image the update moves to for a current image.
    public static func nextImage(after image: String) -> String {
        let (name, tag) = image.splitImageTag()
        switch tag {
        case "blue": return "\(name):green"
        case "green": return "\(name):blue"
        default: return "\(name):next"
        }
    }

    /// Deploys the manifest's version until healthy, applies the new image, and records the timeline.
    public func run() async throws -> [TimelineEntry] {
        guard let container = rollout.spec.template?.spec.containers.first, let image = container.image else {
            throw SimulationError.nothingToUpdate(rollout: rollout.name)
        }
        let newImage = options.toImage ?? Self.nextImage(after: image)
        guard newImage != image else { throw SimulationError.sameImage(rollout: rollout.name, image: image) }

        let start = Instant(secondsSinceEpoch: 1_767_225_600)  // 2026-01-01T00:00:00Z
        let clock = SimulatedClock(start: start)
        var initial = rollout
        initial.status = nil
        let runtime = SimulatedRuntime(rollout: initial, templates: templates, outcomes: options.analysisOutcomes, podReadySeconds: options.podReadySeconds, clock: clock)
        let driver = RolloutDriver(store: runtime, workloads: runtime, router: runtime, analysisRuns: runtime.analysisRuns, clock: clock, logger: Logger(label: "turnout.simulate", factory: { _ in SwiftLogNoOpLogHandler() }))

        // A healthy starting point on the manifest's image.
        if let template = initial.spec.template {
            let target = RevisionTarget(hash: podTemplateHash(template), number: 1, template: template, replicas: initial.spec.effectiveReplicas)
            await runtime.seedReadyRevision(target, startedAt: start)
        }
        try await driver.reconcile(initial.key)
        try await driver.reconcile(initial.key)
        let current = await runtime.rollout
        let oldHash = current.status?.stableRS
        let updated = try current.applying(.setImage(container: container.name, image: newImage), revisions: [], now: start)
        await runtime.replaceRollout(updated)
        let newHash = updated.spec.template.map(podTemplateHash)

        var timeline: [TimelineEntry] = []
        var promotedPauses: Set<Instant> = []
        var sameInstantPasses = 0
        var previousFingerprint = ""
        while true {
            let decision = try await driver.reconcile(initial.key)
            let now = clock.now()
            let entry = await snapshotEntry(runtime: runtime, t: now.seconds(since: start), oldHash: oldHash, newHash: newHash)
            if timeline.last.map({ !$0.showsSameState(as: entry) }) ?? true {
                timeline.append(entry)
            }
            let fingerprint = await worldFingerprint(runtime)
            let changed = fingerprint != previousFingerprint
            previousFingerprint = fingerprint
            if changed && sameInstantPasses < 50 {
                sameInstantPasses += 1
                continue
            }
            sameInstantPasses = 0
            let status = await runtime.rollout.status
            if await isFinished(runtime: runtime, status: status, newHash: newHash) { break }

            var wakeUps: [Instant] = []
            if let seconds = decision?.requeueAfter { wakeUps.append(now.adding(seconds: seconds)) }
            if let ready = await runtime.nextReadiness(after: now) { wakeUps.append(ready) }
            if let measurement = await runtime.nextMeasurement(after: now) { wakeUps.append(measurement) }
            if let promoteAfter = options.promoteAfterSeconds, let pause = status?.activePauseConditions.first,
               !promotedPauses.contains(pause.startTime) {
                let due = pause.startTime.adding(seconds: promoteAfter)
                if due <= now {
                    promotedPauses.insert(pause.startTime)
                    let rolloutNow = await runtime.rollout
                    await runtime.replaceRollout(try rolloutNow.applying(.promote(full: false), revisions: [], now: now))
                    continue
                }
                wakeUps.append(due)
            }
            guard let next = wakeUps.filter({ $0 > now }).min(), next.seconds(since: start) <= options.maxSeconds else { break }
            clock.advance(to: next)
        }
        return timeline
    }

    /// Whether the update has come to rest: fully promoted with old replicas gone, or aborted with the new ones gone.
    private func isFinished(runtime: SimulatedRuntime, status: RolloutStatus?, newHash: String?) async -> Bool {
        guard let status else { return false }
        let revisions = await runtime.revisions(of: runtime.rollout)
        let others = revisions.filter { $0.hash != status.stableRS }.reduce(0) { $0 + $1.replicas }
        if status.phase == .healthy && status.stableRS == newHash && others == 0 { return true }
        if status.isAborted && (revisions.first { $0.hash == newHash }?.replicas ?? 0) == 0 && status.phase == .degraded { return true }
        return false
    }

    /// A row describing the simulated world now.
    private func snapshotEntry(runtime: SimulatedRuntime, t: Double, oldHash: String?, newHash: String?) async -> TimelineEntry {
        let current = await runtime.rollout
        let revisions = await runtime.revisions(of: current)
        let traffic = await runtime.observedTraffic(for: current)
        let old = revisions.first { $0.hash == oldHash }
        let new = revisions.first { $0.hash == newHash }
        let weight: Int
        if traffic?.stable == newHash {
            weight = 100
        } else if current.spec.strategy?.blueGreen != nil {
            weight = 0
        } else if let routed = traffic?.canaryWeight, traffic?.canary == newHash {
            weight = routed * 100 / max(1, current.spec.strategy?.canary?.maxTrafficWeight ?? 100)
        } else if traffic?.canaryWeight == nil {
            weight = actualCanaryWeight(canaryAvailable: new?.availableReplicas ?? 0, stableAvailable: old?.availableReplicas ?? 0)
        } else {
            weight = 0
        }
        let isCanary = current.spec.strategy?.canary?.steps?.isEmpty == false
        let status = current.status
        return TimelineEntry(
            t: t,
            step: isCanary ? status?.currentStepIndex : nil,
            stableReplicas: old?.replicas ?? 0,
            canaryReplicas: new?.replicas ?? 0,
            canaryWeight: weight,
            phase: status?.phase?.rawValue ?? "",
            message: status?.message ?? ""
        )
    }

    /// Text that changes whenever replicas, traffic, runs or status change.
    private func worldFingerprint(_ runtime: SimulatedRuntime) async -> String {
        let current = await runtime.rollout
        let revisions = await runtime.revisions(of: current).map { "\($0.hash):\($0.replicas)/\($0.availableReplicas)" }
        let traffic = await runtime.observedTraffic(for: current)
        let runs = await runtime.runStates().map { "\($0.name):\($0.phase.rawValue)" }
        let status = current.status
        return "\(revisions)|\(String(describing: traffic))|\(runs)|\(status?.phase?.rawValue ?? "")|\(status?.currentStepIndex ?? -1)|\(status?.stableRS ?? "")|\(status?.activePauseConditions.count ?? 0)|\(status?.isAborted ?? false)|\(status?.message ?? "")"
    }
}

extension String {
    /// Splits `registry/name:tag` into name and tag (tag empty when absent); a port colon is not a tag.
    func splitImageTag() -> (name: String, tag: String) {
        guard let colon = lastIndex(of: ":"), !self[colon...].contains("/") else { return (self, "") }
        return (String(self[..<colon]), String(self[index(after: colon)...]))
    }
}
