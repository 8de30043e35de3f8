import Foundation
import TurnoutLocal

/// Paths of the end-to-end manifests, relative to the repository root (where the binary runs).
enum Fixture {
    static let blueGreen = "Tests/Fixtures/e2e/bluegreen.yaml"
    static let canaryByRatio = "Tests/Fixtures/e2e/canary-ratio.yaml"
    static let canaryByWeight = "Tests/Fixtures/e2e/canary-weight.yaml"
    static let broken = "Tests/Fixtures/e2e/broken.yaml"
}

extension RolloutView {
    /// Healthy, having seen its latest spec, with one revision left running.
    var isHealthy: Bool {
        rollout.status?.phase == .healthy && rollout.status?.observedGeneration == rollout.metadata.generation
            && revisions.filter { $0.replicas > 0 }.count == 1
    }

    /// Paused at a canary step index, with the step's traffic in effect.
    func isPaused(atStep step: Int) -> Bool {
        rollout.status?.currentStepIndex == step && rollout.status?.phase == .paused
    }

    /// The revision playing a role (`stable`, `canary`, `active`, `preview`).
    func revision(_ role: String) -> RevisionView? {
        revisions.first { $0.roles.contains(role) }
    }
}
