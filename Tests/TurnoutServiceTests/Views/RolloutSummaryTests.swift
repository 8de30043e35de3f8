import Testing
import TurnoutCore
import TurnoutService

@Suite struct RolloutSummaryTests {
    @Test func summarisesACanaryAtAStep() {
        var rollout = ViewFixtures.canary(stable: "a", current: "b", steps: [CanaryStep(setWeight: 25), CanaryStep(pause: PauseStep())])
        rollout.status?.phase = .paused
        rollout.status?.message = "CanaryPauseStep"
        rollout.status?.currentStepIndex = 1
        rollout.status?.availableReplicas = 5
        var canary = CanaryStatus()
        canary.weights = TrafficWeights(canary: WeightDestination(weight: 25, podTemplateHash: "b"), stable: WeightDestination(weight: 75, podTemplateHash: "a"), verified: true)
        rollout.status?.canary = canary
        #expect(RolloutSummary(rollout) == RolloutSummary(
            name: "web", strategy: "canary", phase: "Paused", message: "CanaryPauseStep", step: 1, stepCount: 2,
            replicas: 4, available: 5, canaryWeight: 25))
    }

    @Test func aRolloutWithoutStatusIsProgressing() {
        var rollout = ViewFixtures.blueGreen(stable: nil, active: nil, preview: nil)
        rollout.status = nil
        #expect(RolloutSummary(rollout) == RolloutSummary(
            name: "web", strategy: "blueGreen", phase: "Progressing", message: "", step: nil, stepCount: nil,
            replicas: 2, available: 0, canaryWeight: 0))
    }

    @Test func aDeploymentIsARollingUpdateWithoutSteps() {
        var rollout = ViewFixtures.canary(stable: "a", current: "a", steps: [])
        rollout.metadata.annotations = [WorkloadSource.kindAnnotation: "Deployment"]
        rollout.status?.currentStepIndex = 0
        let summary = RolloutSummary(rollout)
        #expect(summary.strategy == "rollingUpdate")
        #expect(summary.step == nil)
        #expect(summary.stepCount == nil)
    }
}
