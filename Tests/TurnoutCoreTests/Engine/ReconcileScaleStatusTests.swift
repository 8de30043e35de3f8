import Testing
import TurnoutCore

/// `status.selector` and `status.HPAReplicas`, which the scale subresource (and so an HPA) reads.
@Suite struct ReconcileScaleStatusTests {
    typealias F = EngineFixture

    @Test func canaryCountsEveryRevisionUnderTheRolloutSelector() {
        var rollout = F.canaryRollout(replicas: 4, steps: [CanaryStep(setWeight: 50), CanaryStep(pause: PauseStep())])
        rollout.status = F.stableBlueStatus(stepCount: 2)
        let snapshot = RolloutSnapshot(rollout: rollout, revisions: [F.revision(F.blue, number: 1, replicas: 4)])
        let (settled, decision) = F.settle(snapshot)
        #expect(decision.status.selector == "app=demo")
        #expect(decision.status.hpaReplicas == settled.revisions.reduce(0) { $0 + $1.replicas })
        #expect(decision.status.hpaReplicas == decision.status.replicas)
    }

    @Test func blueGreenCountsTheActiveRevisionUnderItsHash() {
        var rollout = F.blueGreenRollout(replicas: 3) { $0.autoPromotionEnabled = false }
        rollout.status = F.stableBlueStatus()
        let snapshot = RolloutSnapshot(rollout: rollout, revisions: [F.revision(F.blue, number: 1, replicas: 3)], traffic: TrafficState(stable: F.blueHash, canary: F.blueHash))
        let (_, decision) = F.settle(snapshot)
        // Paused before the switch: the preview runs 3 more pods, the HPA still sees the active 3.
        #expect(decision.status.phase == .paused)
        #expect(decision.status.replicas == 6)
        #expect(decision.status.hpaReplicas == 3)
        #expect(decision.status.selector == "app=demo,rollouts-pod-template-hash=\(F.blueHash)")
    }
}
