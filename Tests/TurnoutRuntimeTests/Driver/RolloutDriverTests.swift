import Logging
import Testing
import TurnoutCore
import TurnoutRuntime
import TurnoutSimulation

@Suite struct RolloutDriverTests {
    /// A router whose data plane ignores every change after the first: it never confirms a new weight.
    actor StuckRouter: TrafficRouter {
        var applied: TrafficState?
        var requests: [TrafficState] = []

        func observedTraffic(for rollout: Rollout) -> TrafficState? { applied }

        func setTraffic(_ traffic: TrafficState, for rollout: Rollout) {
            requests.append(traffic)
            if applied == nil { applied = traffic }
        }
    }

    func canaryRollout() -> Rollout {
        let template = PodTemplate(metadata: PodTemplateMetadata(labels: ["app": "demo"]), spec: PodSpec(containers: [Container(name: "demo", image: "demo:blue")]))
        var strategy = CanaryStrategy(steps: [CanaryStep(setWeight: 30), CanaryStep(setWeight: 60)], trafficRouting: TrafficRouting(nginx: NginxTrafficRouting(stableIngress: "demo")))
        strategy.canaryService = "canary"
        strategy.stableService = "stable"
        let spec = RolloutSpec(replicas: 4, selector: LabelSelector(matchLabels: ["app": "demo"]), template: template, strategy: RolloutStrategy(canary: strategy))
        return Rollout(metadata: ObjectMeta(name: "demo"), spec: spec)
    }

    @Test func stepIsNotCountedUntilTheDataPlaneConfirmsTheWeight() async throws {
        let clock = SimulatedClock(start: Instant(secondsSinceEpoch: 0))
        let runtime = SimulatedRuntime(rollout: canaryRollout(), templates: [], outcomes: [:], podReadySeconds: 0, clock: clock)
        let router = StuckRouter()
        let driver = RolloutDriver(store: runtime, workloads: runtime, router: router, analysisRuns: runtime.analysisRuns, clock: clock, logger: Logger(label: "test"))
        for _ in 0..<3 { try await driver.reconcile(RolloutKey(name: "demo")) }
        let healthy = await runtime.rollout
        #expect(healthy.status?.phase == .healthy)

        let updated = try healthy.applying(.setImage(container: "demo", image: "demo:green"), revisions: [], now: clock.now())
        await runtime.replaceRollout(updated)
        var last: Decision?
        for second in 1...20 {
            clock.advance(to: Instant(secondsSinceEpoch: Double(second)))
            last = try await driver.reconcile(RolloutKey(name: "demo"))
        }
        let decision = try #require(last)
        #expect(decision.status.currentStepIndex == 0)
        // The router never confirms the canary service's move, so the weight is held at what it reports (0).
        #expect(decision.traffic?.canaryWeight == 0)
        #expect(decision.traffic?.canary == decision.status.currentPodHash)
        #expect(decision.status.canary?.weights?.canary.weight == 0)
        #expect(decision.status.canary?.weights?.verified == false)
        #expect(decision.status.message?.contains("canary service to select revision 2") == true)
        // The old version keeps all its replicas while the weight is unconfirmed.
        #expect(decision.revisions.first { $0.number == 1 }?.replicas == 4)
        #expect(await router.requests.last?.canaryWeight == 0)
        #expect(await router.requests.contains { ($0.canaryWeight ?? 0) > 0 } == false)
    }

    @Test func missingRolloutIsNotAnError() async throws {
        let clock = SimulatedClock(start: Instant(secondsSinceEpoch: 0))
        let runtime = SimulatedRuntime(rollout: canaryRollout(), templates: [], outcomes: [:], podReadySeconds: 0, clock: clock)
        let driver = RolloutDriver(store: runtime, workloads: runtime, router: runtime, analysisRuns: runtime.analysisRuns, clock: clock, logger: Logger(label: "test"))
        #expect(try await driver.reconcile(RolloutKey(name: "other")) == nil)
    }
}
