import Logging
import TurnoutCore

extension ProcessSupervisor {
    /// Takes back the replicas an earlier daemon recorded: a recorded process that still runs and is the same
    /// process (its command line is the replica's, or it started when recorded) is supervised again, not ready
    /// until its readiness probe passes; any other record is dropped. Then every rollout with records is
    /// reconciled against its saved targets, which starts replacements and stops surplus replicas. Call once,
    /// before the first `apply`. Throws store errors, or the first failure to start a replica.
    public func adopt() throws {
        let records = try store.replicas()
        var failures: [any Error] = []
        for rollout in Set(records.map(\.rollout)).sorted() {
            let targets = try store.revisionTargets(forRollout: rollout)
            targetsByRollout[rollout] = targets
            for record in records where record.rollout == rollout {
                adopt(record, template: targets.first { $0.hash == record.revisionHash }?.template)
            }
            do {
                try reconcile(rollout: rollout)
            } catch {
                failures.append(error)
            }
            publishEndpoints(of: rollout)
        }
        if let failure = failures.first { throw failure }
    }

    /// Supervises one recorded process again when it is still the replica, else forgets the record.
    private func adopt(_ record: ReplicaRecord, template: PodTemplate?) {
        let key = ReplicaKey(rollout: record.rollout, revisionHash: record.revisionHash, index: record.index)
        guard replicas[key] == nil else { return }
        let plan = template.flatMap { try? LaunchPlan.build(template: $0, port: record.port, settings: configuration.launch) }
            ?? Self.fallbackPlan(port: record.port, settings: configuration.launch)
        guard let pid = record.pid, ProcessIdentity.matches(pid: pid, arguments: plan.arguments, startedAt: record.startedAt) else {
            logger(for: key, pid: record.pid).info("recorded replica is gone; it will be started again if still wanted")
            do {
                try store.deleteReplica(rollout: key.rollout, revisionHash: key.revisionHash, index: key.index)
            } catch {
                logger(for: key).error("\(error)")
            }
            return
        }
        let now = clock.now()
        let slot = SupervisedReplica(
            key: key, incarnation: serial(), plan: plan, phase: .running(ProcessHandle(pid: pid)), startedAt: record.startedAt,
            restartCount: record.restartCount, consecutiveCrashes: 0,
            readiness: ReadinessState(check: plan.readiness, startedAt: record.startedAt), logCheckedAt: now
        )
        replicas[key] = slot
        configuration.logs.note("adopted pid \(pid) on \(plan.address) after a daemon restart", for: key, at: now)
        logger(for: key, pid: pid).info("adopted replica", metadata: ["replica.port": "\(record.port)"])
        watch(slot)
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
