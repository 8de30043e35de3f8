import Testing
import TurnoutCore
import TurnoutService
@testable import TurnoutRendering
import TurnoutServiceFixtures

@Suite("RolloutView+Progress")
struct RolloutViewProgressTests {
    @Test(arguments: [(0, 25), (1, 25), (2, 50), (3, 50), (4, 100)])
    func setWeightFollowsTheSteps(index: Int, expected: Int) {
        var view = RolloutFixtures.canary
        view.rollout.status?.currentStepIndex = index
        #expect(view.setWeight == expected)
        #expect(view.stepProgress == "\(index)/4")
    }

    @Test func abortedSetsWeightZero() {
        var view = RolloutFixtures.canary
        view.rollout.status?.abort = true
        #expect(view.setWeight == 0)
    }

    @Test func actualWeightFallsBackToReplicaCounts() {
        var view = RolloutFixtures.canary
        view.traffic = nil
        #expect(view.actualWeight == 20)
    }

    @Test func progressLine() {
        #expect(RolloutFixtures.canary.progressLine() == "canary-demo: ॥ Paused, step 1/4, weight 25%, 5/4 available: CanaryPauseStep")
        #expect(RolloutFixtures.blueGreen.progressLine() == "bg-demo: ॥ Paused, 4/2 available: BlueGreenPause")
    }
}
