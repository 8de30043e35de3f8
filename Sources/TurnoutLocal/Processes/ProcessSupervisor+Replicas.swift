import Foundation
import Logging
import TurnoutCore

extension ProcessSupervisor {
    /// Starts a new slot for `key` running `template` on a free loopback port, recorded before its process
    /// starts (see `launch`), and starts watching it.
    func start(_ key: ReplicaKey, template: PodTemplate) throws {
        guard !isClosed else { return }
        let port = try LoopbackPort.free(excluding: portsInUse())
        let plan = try LaunchPlan.build(template: template, port: port, settings: configuration.launch)
        let now = clock.now()
        guard let launched = try launch(key, plan: plan, startedAt: now, restartCount: 0) else { return }
        let slot = SupervisedReplica(
            key: key, incarnation: serial(), plan: plan, phase: .running(launched.handle), startedAt: now, restartCount: 0,
            consecutiveCrashes: 0, readiness: ReadinessState(check: plan.readiness, startedAt: now), logCheckedAt: now, launchID: launched.launchID
        )
        replicas[key] = slot
        saveRecord(of: key)
        logger(for: key, pid: launched.handle.pid).info("started replica", metadata: ["replica.port": "\(port)", "replica.command": "\(plan.arguments)"])
        if !plan.ignoredContainers.isEmpty {
            logger(for: key).warning("the single-host runtime runs one container per replica; not running \(plan.ignoredContainers.joined(separator: ", "))")
        }
        watch(slot)
        publishEndpoints(of: key.rollout)
    }

    /// Starts the task that watches a slot until it is stopped or replaced.
    func watch(_ slot: SupervisedReplica) {
        monitors[slot.key]?.cancel()
        let key = slot.key
        let incarnation = slot.incarnation
        monitors[key] = Task { await self.monitor(key, incarnation: incarnation) }
    }

    /// Watches one slot: notices crashes, restarts after the backoff, probes readiness when due, rotates logs.
    private func monitor(_ key: ReplicaKey, incarnation: UInt64) async {
        let interval = Duration.seconds(configuration.pollIntervalSeconds)
        while !Task.isCancelled {
            guard let slot = replicas[key], slot.incarnation == incarnation else { return }
            let now = clock.now()
            switch slot.phase {
            case .terminating:
                return
            case .backingOff(let until):
                if now >= until { restartAfterBackoff(key) }
            case .running(let handle):
                if let exit = handle.exit() {
                    recordCrash(key, exit: exit)
                } else if now >= slot.readiness.nextProbe {
                    await probe(key, incarnation: incarnation, handle: handle)
                }
            }
            if let slot = replicas[key], slot.incarnation == incarnation, clock.now().seconds(since: slot.logCheckedAt) >= configuration.logCheckIntervalSeconds {
                replicas[key]?.logCheckedAt = clock.now()
                let logs = configuration.logs
                _ = await BlockingCall.run { logs.rotateIfNeeded(key) }
            }
            try? await Task.sleep(for: interval)
        }
    }

    /// Runs one readiness probe and records it if the slot still runs the same process.
    private func probe(_ key: ReplicaKey, incarnation: UInt64, handle: ProcessHandle) async {
        guard let plan = replicas[key]?.plan else { return }
        let passed = await ProbeRunner.passes(plan.readiness.action, plan: plan, timeout: plan.readiness.timeoutSeconds)
        guard var slot = replicas[key], slot.incarnation == incarnation, slot.phase == .running(handle) else { return }
        let changed = slot.readiness.record(passed: passed, at: clock.now())
        replicas[key] = slot
        guard changed else { return }
        logger(for: key, pid: handle.pid).info(slot.readiness.isReady ? "replica ready" : "replica not ready")
        publishEndpoints(of: key.rollout)
        reconcileQuietly(rollout: key.rollout)
    }

    /// Marks a slot whose process exited by itself as backing off, records the restart, and publishes it not ready.
    private func recordCrash(_ key: ReplicaKey, exit: ProcessHandle.Exit) {
        guard var slot = replicas[key], let handle = slot.process else { return }
        handle.killLeftovers()
        let now = clock.now()
        let backoff = configuration.backoff
        slot.consecutiveCrashes = backoff.consecutiveCrashes(previous: slot.consecutiveCrashes, runSeconds: now.seconds(since: slot.startedAt))
        let delay = backoff.delay(afterConsecutiveCrashes: slot.consecutiveCrashes)
        slot.restartCount += 1
        slot.phase = .backingOff(until: now.adding(seconds: delay))
        slot.readiness = ReadinessState(check: slot.plan.readiness, startedAt: now)
        replicas[key] = slot
        let message = "process \(handle.pid) ended (\(exit)); restarting in \(Self.seconds(delay)) (restart \(slot.restartCount))"
        configuration.logs.note(message, for: key, at: now)
        logger(for: key, pid: handle.pid).warning("replica crashed: \(message)")
        saveRecord(of: key)
        publishEndpoints(of: key.rollout)
    }

    /// Starts a crashed slot's process again, on the same port when it is still free; a failure to start counts as another crash.
    private func restartAfterBackoff(_ key: ReplicaKey) {
        guard var slot = replicas[key], !isClosed else { return }
        let now = clock.now()
        do {
            if !LoopbackPort.isFree(slot.plan.port), let template = try targets(of: key.rollout).first(where: { $0.hash == key.revisionHash })?.template {
                slot.plan = try LaunchPlan.build(template: template, port: try LoopbackPort.free(excluding: portsInUse()), settings: configuration.launch)
            }
            guard let launched = try launch(key, plan: slot.plan, startedAt: now, restartCount: slot.restartCount) else { return }
            slot.phase = .running(launched.handle)
            slot.launchID = launched.launchID
            slot.startedAt = now
            slot.readiness = ReadinessState(check: slot.plan.readiness, startedAt: now)
            replicas[key] = slot
            logger(for: key, pid: launched.handle.pid).info("restarted replica", metadata: ["replica.port": "\(slot.plan.port)", "replica.restarts": "\(slot.restartCount)"])
            saveRecord(of: key)
            publishEndpoints(of: key.rollout)
        } catch {
            slot.consecutiveCrashes += 1
            let delay = configuration.backoff.delay(afterConsecutiveCrashes: slot.consecutiveCrashes)
            slot.phase = .backingOff(until: now.adding(seconds: delay))
            replicas[key] = slot
            let message = "restart failed: \(error); trying again in \(Self.seconds(delay))"
            configuration.logs.note(message, for: key, at: now)
            logger(for: key).error("\(message)")
        }
    }

    /// Writes a slot's record; a failure is logged (the next write repairs it).
    func saveRecord(of key: ReplicaKey) {
        guard let slot = replicas[key] else { return }
        do {
            try store.saveReplica(slot.record)
        } catch {
            logger(for: key).error("\(error)")
        }
    }

    /// Ports held by slots, so a new replica never gets one of them.
    func portsInUse() -> Set<Int> {
        Set(replicas.values.map(\.plan.port))
    }

    /// `1.5s`, for messages.
    static func seconds(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value))s" : "\(value)s"
    }
}
