#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Logging
import TurnoutCore

extension ProcessSupervisor {
    /// A process just started for a slot, with the launch id in its environment and record.
    struct Launch: Sendable {
        /// The started process, a child of this daemon.
        let handle: ProcessHandle
        /// The id in its `ReplicaMarker`.
        let launchID: String
    }

    /// Starts a replica's process so that no crash of the daemon can make it unknown to the next one: first the
    /// replica's record is written with a new launch id, the port and no pid; then the process starts, its
    /// output appended to its log, the launch id and `replicaOwner` in its environment; the caller records its
    /// pid next. A daemon killed in between leaves a record whose launch id finds the process (`adopt()`).
    /// Returns `nil` when a test's crash point stopped the supervisor right after the start. Throws when the
    /// record cannot be written (nothing starts) or the process cannot start.
    func launch(_ key: ReplicaKey, plan: LaunchPlan, startedAt: Instant, restartCount: Int) throws -> Launch? {
        let marker = ReplicaMarker.newLaunch(owner: configuration.replicaOwner)
        try store.saveReplica(ReplicaRecord(
            rollout: key.rollout, revisionHash: key.revisionHash, index: key.index, pid: nil, port: plan.port,
            startedAt: startedAt, restartCount: restartCount, launchID: marker.launchID))
        let pid: pid_t
        do {
            let logPath = try configuration.logs.prepare(key)
            pid = try ProcessSpawner.spawn(
                arguments: plan.arguments, environment: marker.applied(to: plan.environment), workingDirectory: plan.spawnWorkingDirectory, output: .file(logPath))
        } catch {
            forgetLaunch(of: key)
            throw error
        }
        launches += 1
        if let crash = configuration.crashAfterSpawn, crash.afterStarts == launches {
            logger(for: key, pid: pid).critical("crashing on purpose after starting a replica (\(SpawnCrashPoint.environmentVariable))")
            switch crash.action {
            case .killProcess:
                kill(getpid(), SIGKILL)
                detach()
            case .detach:
                detach()
            }
            return nil
        }
        configuration.logs.note("started pid \(pid) on \(plan.address): \(plan.arguments.joined(separator: " "))", for: key, at: clock.now())
        return Launch(handle: ProcessHandle(pid: pid), launchID: marker.launchID)
    }

    /// Puts back the record of a launch that started nothing: the slot's own record while it waits to restart,
    /// else none.
    private func forgetLaunch(of key: ReplicaKey) {
        if replicas[key] != nil {
            saveRecord(of: key)
            return
        }
        do {
            try store.deleteReplica(rollout: key.rollout, revisionHash: key.revisionHash, index: key.index)
        } catch {
            logger(for: key).error("\(error)")
        }
    }

    /// Keeps reaping a child that outlived its termination sequence (still there after SIGKILL), so that when it
    /// finally ends it does not stay a zombie of this daemon.
    func reapLater(_ handle: ProcessHandle, key: ReplicaKey) {
        guard handle.startTicks == nil else { return }
        let interval = Duration.seconds(max(0.05, configuration.pollIntervalSeconds))
        let log = logger(for: key, pid: handle.pid)
        reapers.append(Task {
            while !Task.isCancelled {
                if let exit = handle.exit() {
                    log.info("reaped replica process that outlived its stop", metadata: ["replica.exit": "\(exit)"])
                    return
                }
                try? await Task.sleep(for: interval)
            }
        })
    }
}
