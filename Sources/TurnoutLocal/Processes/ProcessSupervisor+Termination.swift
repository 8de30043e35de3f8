import Foundation
import Logging
import TurnoutCore

extension ProcessSupervisor {
    /// Seconds SIGTERM always gets, even when `preStop` used up the grace period (as the kubelet's 2-second extension).
    static let minimumTermSeconds = 2.0
    /// Seconds to wait for a process to go after SIGKILL.
    static let killWaitSeconds = 5.0

    /// Marks a replica terminating (published at once, so the router stops sending it new requests) and stops
    /// it in the background: drain, `preStop`, SIGTERM, grace period, SIGKILL; then forgets it.
    func beginTermination(_ key: ReplicaKey, reason: String) {
        guard var slot = replicas[key], !slot.isTerminating else { return }
        let handle = slot.process
        let mayHaveTraffic = handle != nil && slot.readiness.hasBeenReady
        slot.phase = .terminating(handle)
        replicas[key] = slot
        monitors[key]?.cancel()
        monitors[key] = nil
        logger(for: key, pid: handle?.pid).info("stopping replica: \(reason)")
        configuration.logs.note("stopping (\(reason))", for: key, at: clock.now())
        publishEndpoints(of: key.rollout)
        let incarnation = slot.incarnation
        let plan = slot.plan
        terminations[key] = Task {
            await self.terminate(key, incarnation: incarnation, plan: plan, handle: handle, drainFirst: mayHaveTraffic)
        }
    }

    /// Stops every replica (drained, `preStop`, SIGTERM, SIGKILL after the grace period) and waits until all are
    /// gone; afterwards the supervisor starts nothing. For a clean shutdown of the daemon.
    public func stopAll() async {
        isClosed = true
        for key in replicas.keys.sorted(by: >) {
            beginTermination(key, reason: "shutting down")
        }
        for task in Array(terminations.values) {
            await task.value
        }
        for task in reapers { task.cancel() }
        for task in reapers { await task.value }
        reapers = []
        logger.info("stopped every replica")
    }

    /// Stops supervising without stopping anything: processes keep running for a later `adopt()`, and the
    /// supervisor starts, restarts and stops nothing more. Simulates a daemon crash; hands processes over.
    public func detach() {
        isClosed = true
        for task in monitors.values { task.cancel() }
        for task in terminations.values { task.cancel() }
        for task in reapers { task.cancel() }
        reapers = []
        monitors = [:]
        terminations = [:]
        replicas = [:]
        for subscriber in subscribers.values { subscriber.finish() }
        subscribers = [:]
    }

    /// The termination sequence of one replica; returns early, leaving the slot, when cancelled by `detach()`.
    private func terminate(_ key: ReplicaKey, incarnation: UInt64, plan: LaunchPlan, handle: ProcessHandle?, drainFirst: Bool) async {
        if let handle {
            let log = logger(for: key, pid: handle.pid)
            if drainFirst {
                let drain = self.drain
                let address = plan.address
                if await !Timeout.run(seconds: configuration.drainTimeoutSeconds, { await drain(address) }) {
                    log.warning("drain did not finish in \(Self.seconds(configuration.drainTimeoutSeconds)); stopping anyway", metadata: ["upstream.address": "\(address)"])
                }
            }
            guard !Task.isCancelled else { return }
            let grace = plan.terminationGracePeriodSeconds
            let hookStart = ContinuousClock.now
            if let hook = plan.preStop, handle.exit() == nil {
                await runPreStop(hook, key: key, plan: plan, timeout: grace)
            }
            guard !Task.isCancelled else { return }
            let hookSeconds = Double((ContinuousClock.now - hookStart).components.seconds) + Double((ContinuousClock.now - hookStart).components.attoseconds) / 1e18
            let termSeconds = max(grace - hookSeconds, min(grace, Self.minimumTermSeconds))
            handle.send(SIGTERM)
            var exit = await waitForExit(handle, seconds: termSeconds)
            guard !Task.isCancelled else { return }
            if exit == nil {
                log.warning("replica did not stop within \(Self.seconds(termSeconds)) of SIGTERM; sending SIGKILL")
                configuration.logs.note("no exit \(Self.seconds(termSeconds)) after SIGTERM; sending SIGKILL", for: key, at: clock.now())
                handle.send(SIGKILL)
                exit = await waitForExit(handle, seconds: Self.killWaitSeconds)
                if exit == nil { reapLater(handle, key: key) }
            }
            handle.killLeftovers()
            configuration.logs.note("stopped (\(exit.map(\.description) ?? "still running after SIGKILL"))", for: key, at: clock.now())
            log.info("replica stopped", metadata: ["replica.exit": "\(exit.map(\.description) ?? "unknown")"])
        }
        finishTermination(key, incarnation: incarnation)
    }

    /// Runs a `preStop` hook, bounded by `timeout` seconds; its output goes to the replica's log.
    private func runPreStop(_ hook: StopHook, key: ReplicaKey, plan: LaunchPlan, timeout: Double) async {
        switch hook {
        case .exec(let command):
            let output = ProcessSpawner.Output.file(configuration.logs.path(of: key))
            do {
                let exit = try await BoundedCommand.run(arguments: command, environment: plan.environment, workingDirectory: plan.workingDirectory, output: output, timeout: timeout)
                configuration.logs.note("preStop \(command.joined(separator: " ")): \(exit.map(\.description) ?? "killed after \(Self.seconds(timeout))")", for: key, at: clock.now())
            } catch {
                logger(for: key).warning("preStop hook failed: \(error)")
                configuration.logs.note("preStop failed: \(error)", for: key, at: clock.now())
            }
        case .sleep(let seconds):
            try? await Task.sleep(for: .seconds(min(seconds, timeout)))
        case .httpGet(let path, let headers):
            let port = plan.port
            let status = await BlockingCall.run { LoopbackConnection.get(port: port, path: path, headers: headers, timeout: timeout) }
            configuration.logs.note("preStop GET \(path): \(status.map { "status \($0)" } ?? "no response")", for: key, at: clock.now())
        }
    }

    /// How the process ended, polling until it does or `seconds` pass (`nil`).
    private func waitForExit(_ handle: ProcessHandle, seconds: Double) async -> ProcessHandle.Exit? {
        let deadline = Deadline(seconds: seconds)
        let interval = Duration.seconds(min(configuration.pollIntervalSeconds, 0.05))
        while !Task.isCancelled {
            if let exit = handle.exit() { return exit }
            if deadline.hasPassed { return nil }
            try? await Task.sleep(for: interval)
        }
        return nil
    }

    /// Forgets a stopped replica: slot, record, and logs when its revision is gone; then reconciles its rollout
    /// (a replacement may be due).
    private func finishTermination(_ key: ReplicaKey, incarnation: UInt64) {
        guard let slot = replicas[key], slot.incarnation == incarnation else { return }
        replicas[key] = nil
        terminations[key] = nil
        do {
            try store.deleteReplica(rollout: key.rollout, revisionHash: key.revisionHash, index: key.index)
        } catch {
            logger(for: key).error("\(error)")
        }
        if !(targetsByRollout[key.rollout] ?? []).contains(where: { $0.hash == key.revisionHash }) {
            configuration.logs.remove(key)
        }
        publishEndpoints(of: key.rollout)
        reconcileQuietly(rollout: key.rollout)
    }
}
