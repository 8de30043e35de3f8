import Foundation
import TurnoutService

/// Paths of the end-to-end manifests, relative to the repository root (where the binary runs).
enum Fixture {
    static let blueGreen = "Tests/Fixtures/e2e/bluegreen.yaml"
    static let canaryByRatio = "Tests/Fixtures/e2e/canary-ratio.yaml"
    static let canaryByWeight = "Tests/Fixtures/e2e/canary-weight.yaml"
    static let broken = "Tests/Fixtures/e2e/broken.yaml"
    static let builtinAnalysis = "Tests/Fixtures/e2e/analysis-builtin.yaml"
    static let judgeAnalysis = "Tests/Fixtures/e2e/analysis-judge.yaml"
    static let seedTemplates = "Tests/Fixtures/seeds/analysis-templates.yaml"
    static let seedRollout = "Tests/Fixtures/seeds/rollout-with-analysis.yaml"

    /// A fixture's text with replacements applied.
    static func text(_ path: String, replacing replacements: [(String, String)]) throws -> String {
        var text = try String(contentsOf: TurnoutBinary.root.appendingPathComponent(path), encoding: .utf8)
        for (old, new) in replacements { text = text.replacingOccurrences(of: old, with: new) }
        return text
    }
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
