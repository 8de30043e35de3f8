import Logging
import Testing
import TurnoutCore
import TurnoutRuntime
import TurnoutSimulation

extension RolloutDriverTests {
    /// Forwards to the simulated workloads and counts applies.
    actor RecordingWorkloads: Workloads {
        let base: SimulatedRuntime
        var applies = 0

        init(base: SimulatedRuntime) { self.base = base }

        func revisions(of rollout: Rollout) async -> [RevisionState] { await base.revisions(of: rollout) }

        func apply(_ targets: [RevisionTarget], deleting: [String], for rollout: Rollout) async {
            applies += 1
            await base.apply(targets, deleting: deleting, for: rollout)
        }
    }

    @Test func staleSnapshotNeverLowersAConfirmedWeight() async throws {
        let clock = SimulatedClock(start: Instant(secondsSinceEpoch: 0))
        var rollout = canaryRollout()
        rollout.spec.strategy?.canary?.steps = [CanaryStep(setWeight: 30), CanaryStep(setWeight: 60), CanaryStep(pause: PauseStep())]
        let runtime = SimulatedRuntime(rollout: rollout, templates: [], outcomes: [:], podReadySeconds: 0, clock: clock)
        let key = RolloutKey(name: "demo")
        let driver = RolloutDriver(store: runtime, workloads: runtime, router: runtime, analysisRuns: runtime.analysisRuns, clock: clock, logger: Logger(label: "test"))
        for _ in 0..<3 { try await driver.reconcile(key) }
        let healthy = await runtime.rollout
        await runtime.replaceRollout(try healthy.applying(.setImage(container: "demo", image: "demo:green"), revisions: [], now: clock.now()))

        // Reconcile until the first step's weight (30) is in effect, and keep the rollout as read then.
        var stale: Rollout?
        var second = 0.0
        while stale == nil, second < 60 {
            second += 1
            clock.advance(to: Instant(secondsSinceEpoch: second))
            try await driver.reconcile(key)
            let current = await runtime.rollout
            if current.status?.currentStepIndex == 0, await runtime.observedTraffic(for: current)?.canaryWeight == 30 { stale = current }
        }
        let staleRollout = try #require(stale)
        // Go on until the second step's weight (60) is confirmed.
        while await runtime.observedTraffic(for: runtime.rollout)?.canaryWeight != 60, second < 120 {
            second += 1
            clock.advance(to: Instant(secondsSinceEpoch: second))
            try await driver.reconcile(key)
        }
        #expect(await runtime.observedTraffic(for: runtime.rollout)?.canaryWeight == 60)

        // A reconcile that reads the old rollout decides from step 0 and would set 30 again: it must stop at the conflict.
        let router = RecordingRouter(base: runtime)
        let workloads = RecordingWorkloads(base: runtime)
        let staleDriver = RolloutDriver(
            store: StaleOnceStore(base: runtime, stale: staleRollout), workloads: workloads, router: router, analysisRuns: runtime.analysisRuns,
            clock: clock, logger: Logger(label: "test"))
        await #expect {
            try await staleDriver.reconcile(key)
        } throws: { error in
            RetryReason(of: error) == .conflict
        }
        #expect(await router.requests.isEmpty)
        #expect(await workloads.applies == 0)
        #expect(await runtime.observedTraffic(for: runtime.rollout)?.canaryWeight == 60)

        // The next reconcile reads the current rollout and keeps the confirmed weight.
        try await staleDriver.reconcile(key)
        #expect(await router.requests.allSatisfy { ($0.canaryWeight ?? 0) >= 60 })
        #expect(await runtime.observedTraffic(for: runtime.rollout)?.canaryWeight == 60)
    }
}
