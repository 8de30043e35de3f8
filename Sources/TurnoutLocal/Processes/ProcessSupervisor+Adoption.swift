#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Logging
import TurnoutCore

extension ProcessSupervisor {
    /// Every live process carrying a replica marker, by launch id.
    typealias MarkedProcesses = [String: (pid: pid_t, marker: ReplicaMarker)]

    /// Takes back the replicas an earlier daemon recorded and stops the ones it left unrecorded. A recorded
    /// process that still runs and is the same process (it carries the record's launch id; for older records or
    /// unreadable environments, its command line is the replica's or it started when recorded) is supervised
    /// again, not ready until its readiness probe passes; any other record is dropped. A process carrying this
    /// supervisor's `replicaOwner` that no record names is stopped (SIGTERM, SIGKILL after the default grace
    /// period). Then every rollout with records is reconciled against its saved targets, which starts
    /// replacements and stops surplus replicas. Call once, before the first `apply`. Throws store errors, or
    /// the first failure to start a replica.
    public func adopt() throws {
        let records = try store.replicas()
        let marked = ProcessIdentity.markedProcesses()
        var adopted: Set<pid_t> = []
        var failures: [any Error] = []
        for rollout in Set(records.map(\.rollout)).sorted() {
            let targets = try store.revisionTargets(forRollout: rollout)
            targetsByRollout[rollout] = targets
            for record in records where record.rollout == rollout {
                if let pid = adopt(record, template: targets.first { $0.hash == record.revisionHash }?.template, marked: marked) {
                    adopted.insert(pid)
                }
            }
        }
        for process in marked.values.sorted(by: { $0.pid < $1.pid }) where process.marker.owner == configuration.replicaOwner && !adopted.contains(process.pid) {
            stopUnrecorded(process.pid)
        }
        for rollout in Set(records.map(\.rollout)).sorted() {
            do {
                try reconcile(rollout: rollout)
            } catch {
                failures.append(error)
            }
            publishEndpoints(of: rollout)
        }
        if let failure = failures.first { throw failure }
    }

    /// Supervises one recorded process again when it is still the replica, else forgets the record; returns the
    /// pid adopted.
    private func adopt(_ record: ReplicaRecord, template: PodTemplate?, marked: MarkedProcesses) -> pid_t? {
        let key = ReplicaKey(rollout: record.rollout, revisionHash: record.revisionHash, index: record.index)
        guard replicas[key] == nil else { return nil }
        let plan = template.flatMap { try? LaunchPlan.build(template: $0, port: record.port, settings: configuration.launch) }
            ?? Self.fallbackPlan(port: record.port, settings: configuration.launch)
        guard let pid = Self.locate(record, arguments: plan.arguments, marked: marked) else {
            logger(for: key, pid: record.pid).info("recorded replica is gone; it will be started again if still wanted")
            do {
                try store.deleteReplica(rollout: key.rollout, revisionHash: key.revisionHash, index: key.index)
            } catch {
                logger(for: key).error("\(error)")
            }
            return nil
        }
        let now = clock.now()
        let slot = SupervisedReplica(
            key: key, incarnation: serial(), plan: plan, phase: .running(ProcessHandle(adopting: pid)), startedAt: record.startedAt,
            restartCount: record.restartCount, consecutiveCrashes: 0,
            readiness: ReadinessState(check: plan.readiness, startedAt: record.startedAt), logCheckedAt: now, launchID: record.launchID
        )
        replicas[key] = slot
        if record.pid != pid {
            // The daemon that started it was killed before it recorded the pid; the launch id found it.
            saveRecord(of: key)
        }
        configuration.logs.note("adopted pid \(pid) on \(plan.address) after a daemon restart", for: key, at: now)
        logger(for: key, pid: pid).info("adopted replica", metadata: ["replica.port": "\(record.port)"])
        watch(slot)
        return pid
    }

    /// The pid of the live process `record` names: the one carrying its launch id; for a record without one (or
    /// a process whose environment cannot be read), the recorded pid when it carries no other launch id and its
    /// command line is `arguments` or it started when recorded.
    static func locate(_ record: ReplicaRecord, arguments: [String], marked: MarkedProcesses) -> pid_t? {
        if let launchID = record.launchID, let found = marked[launchID] { return found.pid }
        guard let pid = record.pid else { return nil }
        switch ProcessIdentity.marker(of: pid) {
        case .marked:
            return nil
        case .unmarked:
            guard record.launchID == nil else { return nil }
        case .unreadable:
            break
        }
        return ProcessIdentity.matches(pid: pid, arguments: arguments, startedAt: record.startedAt) ? pid : nil
    }

    /// Stops a process this supervisor's marker names but no record does (started by an earlier daemon of the
    /// same state directory and then forgotten): SIGTERM to its group, SIGKILL after the default grace period
    /// or when the supervisor stops first.
    private func stopUnrecorded(_ pid: pid_t) {
        let handle = ProcessHandle(adopting: pid)
        let grace = configuration.launch.defaultTerminationGracePeriodSeconds
        let interval = Duration.seconds(max(0.05, configuration.pollIntervalSeconds))
        var log = logger
        log[metadataKey: "replica.pid"] = "\(pid)"
        log.warning("stopping a replica process of this state directory that no record names")
        handle.send(SIGTERM)
        reapers.append(Task {
            let deadline = Deadline(seconds: grace)
            while handle.exit() == nil {
                if deadline.hasPassed || Task.isCancelled {
                    handle.send(SIGKILL)
                    return
                }
                try? await Task.sleep(for: interval)
            }
            handle.killLeftovers()
        })
    }

    /// A plan for a process whose template no longer builds: probed by its port, stopped with the default grace period.
    private static func fallbackPlan(port: Int, settings: LaunchSettings) -> LaunchPlan {
        LaunchPlan(
            containerName: "", arguments: [], environment: settings.baseEnvironment, port: port,
            readiness: ReadinessCheck(action: .tcpConnect, periodSeconds: settings.defaultProbePeriodSeconds),
            terminationGracePeriodSeconds: settings.defaultTerminationGracePeriodSeconds
        )
    }
}
