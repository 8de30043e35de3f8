import Foundation
import Logging
import TurnoutCore
import TurnoutRuntime

/// Runs the revisions of the single-host runtime as local processes: one process per replica, each on its own
/// loopback port, probed for readiness, drained before it is stopped, restarted with backoff when it crashes,
/// and recorded in the store so a restarted daemon can re-adopt it.
///
/// Contract: `apply` is idempotent and level-based: it saves the targets, then starts missing replicas, begins
/// stopping surplus ones (highest index first) and restarts replicas started before `restartAt` one at a time;
/// it returns without waiting for processes to become ready or to stop. A revision whose template cannot be
/// run (unknown image, `valueFrom`, missing program) is skipped and `apply` throws `ProcessSupervisorError`
/// naming it after everything else is done; store failures are `LocalStoreError`. Stopping a replica marks
/// it terminating (published to `endpointChanges()`), awaits the drain hook, runs `preStop`, sends SIGTERM and,
/// after the grace period, SIGKILL. Processes run in their own session and outlive the supervisor unless
/// `stopAll()` stops them; `adopt()` takes them back after a restart. Every process is recorded (with a launch
/// id that is also in its environment) before it starts, so a daemon killed at any moment leaves none that the
/// next `adopt()` cannot find; a child is reaped when it ends, an adopted process (whose parent is no longer
/// this daemon) is polled instead.
public actor ProcessSupervisor: Workloads {
    /// Waits until the traffic router has no in-flight requests to an address (`127.0.0.1:<port>`) that it
    /// no longer sends new ones to; called after the replica is published as terminating, bounded by
    /// `drainTimeoutSeconds`.
    public typealias DrainHook = @Sendable (_ address: String) async -> Void

    let store: LocalStore
    let configuration: ProcessSupervisorConfiguration
    let clock: any InstantClock
    let logger: Logger
    let drain: DrainHook

    /// Every replica slot, running, backing off or terminating.
    var replicas: [ReplicaKey: SupervisedReplica] = [:]
    /// The last targets of each rollout.
    var targetsByRollout: [String: [RevisionTarget]] = [:]
    /// Each rollout's `minReadySeconds`, as last seen.
    var minReadySecondsByRollout: [String: Double] = [:]
    /// The task watching each replica's process.
    var monitors: [ReplicaKey: Task<Void, Never>] = [:]
    /// The task stopping each terminating replica.
    var terminations: [ReplicaKey: Task<Void, Never>] = [:]
    /// Subscribers to endpoint changes.
    var subscribers: [UInt64: AsyncStream<EndpointsChange>.Continuation] = [:]
    /// The endpoints last published per rollout.
    var publishedEndpoints: [String: [RevisionEndpoints]] = [:]
    /// The next slot incarnation or subscriber id.
    var nextSerial: UInt64 = 1
    /// Replica processes started so far (for a test's `SpawnCrashPoint`).
    var launches = 0
    /// The tasks reaping children that outlived their stop, and stopping unrecorded processes found at `adopt()`.
    var reapers: [Task<Void, Never>] = []
    /// Set by `stopAll()` and `detach()`: nothing new is started.
    var isClosed = false

    /// Creates a supervisor keeping its records in `store`; `drain` is awaited before each replica that may have
    /// had traffic is stopped.
    public init(store: LocalStore, configuration: ProcessSupervisorConfiguration, clock: any InstantClock, logger: Logger, drain: @escaping DrainHook = { _ in }) {
        self.store = store
        self.configuration = configuration
        self.clock = clock
        self.logger = logger
        self.drain = drain
    }

    // MARK: Workloads

    /// Every persisted revision of the rollout with its desired replicas and how many of its live replicas are
    /// ready and available (ready for `minReadySeconds`).
    public func revisions(of rollout: Rollout) throws -> [RevisionState] {
        minReadySecondsByRollout[rollout.name] = Double(max(0, rollout.spec.minReadySeconds ?? 0))
        let now = clock.now()
        return try targets(of: rollout.name).map { target in
            let live = slots(of: rollout.name, revision: target.hash).filter { !$0.isTerminating }
            return RevisionState(
                hash: target.hash, number: target.number, template: target.template, replicas: target.replicas,
                readyReplicas: live.filter(\.isReady).count,
                availableReplicas: live.filter { $0.isReady && $0.readiness.isAvailable(minReadySeconds: minReadySeconds(of: rollout.name), at: now) }.count,
                scaleDownAt: target.scaleDownAt,
                restartedAt: hasFinishedRestart(target, rollout: rollout.name) ? target.restartAt : nil
            )
        }
    }

    /// Saves `targets` (without `deleting`) and makes the rollout's processes match them.
    public func apply(_ targets: [RevisionTarget], deleting: [String], for rollout: Rollout) throws {
        minReadySecondsByRollout[rollout.name] = Double(max(0, rollout.spec.minReadySeconds ?? 0))
        // A revision is immutable: an existing revision keeps its template (the `Workloads` contract).
        let existing = try self.targets(of: rollout.name)
        let kept = targets.filter { !deleting.contains($0.hash) }.map { target in
            var target = target
            if let template = existing.first(where: { $0.hash == target.hash })?.template { target.template = template }
            return target
        }
        if kept != targetsByRollout[rollout.name] {
            try store.saveRevisionTargets(kept, forRollout: rollout.name)
            targetsByRollout[rollout.name] = kept
        }
        try reconcile(rollout: rollout.name)
    }

    // MARK: Reconciling

    /// Starts missing replicas, begins stopping surplus ones and restarts one replica per revision for
    /// `restartAt`; throws the first revision's failure after handling every revision.
    func reconcile(rollout name: String) throws {
        guard !isClosed else { return }
        let targets = targetsByRollout[name] ?? []
        let targeted = Set(targets.map(\.hash))
        for slot in replicas.values.sorted(by: { $0.key.index > $1.key.index }) where slot.key.rollout == name && !targeted.contains(slot.key.revisionHash) {
            beginTermination(slot.key, reason: "revision deleted")
        }
        var failures: [any Error] = []
        for target in targets {
            let surplus = slots(of: name, revision: target.hash).filter { $0.key.index >= target.replicas && !$0.isTerminating }
            for slot in surplus.sorted(by: { $0.key.index > $1.key.index }) {
                beginTermination(slot.key, reason: "scaled down to \(target.replicas)")
            }
            for index in 0..<max(0, target.replicas) {
                let key = ReplicaKey(rollout: name, revisionHash: target.hash, index: index)
                guard replicas[key] == nil else { continue }
                do {
                    try start(key, template: target.template)
                } catch let error as ProcessSupervisorError {
                    failures.append(ProcessSupervisorError.failed(action: "start \(key)", underlying: error))
                    break
                } catch {
                    failures.append(error)
                    break
                }
            }
            restartOneIfDue(target, rollout: name)
        }
        for failure in failures {
            logger.error("\(failure)", metadata: ["rollout.name": "\(name)"])
        }
        if let failure = failures.first { throw failure }
    }

    /// Reconciles after something changed by itself (a replica became ready, finished stopping); failures are logged.
    func reconcileQuietly(rollout name: String) {
        do {
            try reconcile(rollout: name)
        } catch {
            // Already logged by `reconcile`; the next `apply` reports it to the driver.
        }
    }

    /// Begins restarting the lowest-index replica started before the revision's `restartAt`, when `restartAt`
    /// has passed and every replica of the revision is ready and none is stopping.
    private func restartOneIfDue(_ target: RevisionTarget, rollout name: String) {
        guard let text = target.restartAt, let restartAt = Instant(rfc3339: text), restartAt <= clock.now() else { return }
        let slots = slots(of: name, revision: target.hash)
        guard slots.count == target.replicas, slots.allSatisfy(\.isReady) else { return }
        if let oldest = slots.filter({ $0.startedAt < restartAt }).min(by: { $0.key.index < $1.key.index }) {
            beginTermination(oldest.key, reason: "restart for restartAt \(text)")
        }
    }

    /// Whether every replica of the revision runs a process started at or after its `restartAt`.
    private func hasFinishedRestart(_ target: RevisionTarget, rollout name: String) -> Bool {
        guard let text = target.restartAt, let restartAt = Instant(rfc3339: text) else { return false }
        let slots = slots(of: name, revision: target.hash).filter { $0.key.index < target.replicas }
        return slots.allSatisfy { !$0.isTerminating && $0.startedAt >= restartAt } && slots.count == target.replicas
    }

    // MARK: Lookups

    /// The rollout's targets, read from the store the first time.
    func targets(of rollout: String) throws -> [RevisionTarget] {
        if let targets = targetsByRollout[rollout] { return targets }
        let targets = try store.revisionTargets(forRollout: rollout)
        targetsByRollout[rollout] = targets
        return targets
    }

    /// The slots of one revision of a rollout, by index.
    func slots(of rollout: String, revision: String) -> [SupervisedReplica] {
        replicas.values.filter { $0.key.rollout == rollout && $0.key.revisionHash == revision }.sorted { $0.key.index < $1.key.index }
    }

    /// The rollout's `minReadySeconds` as last seen (0 before).
    func minReadySeconds(of rollout: String) -> Double {
        minReadySecondsByRollout[rollout] ?? 0
    }

    /// A logger with a replica's metadata.
    func logger(for key: ReplicaKey, pid: Int32? = nil) -> Logger {
        var logger = logger
        logger[metadataKey: "rollout.name"] = "\(key.rollout)"
        logger[metadataKey: "revision.hash"] = "\(key.revisionHash)"
        logger[metadataKey: "replica.index"] = "\(key.index)"
        if let pid { logger[metadataKey: "replica.pid"] = "\(pid)" }
        return logger
    }

    /// A new serial number.
    func serial() -> UInt64 {
        defer { nextSerial += 1 }
        return nextSerial
    }
}
