import Foundation
import KubernetesClient
import KubernetesTestSupport
import Testing
import TurnoutCore
import TurnoutKubernetes

/// Book listings 5.12 (canary by replica ratio) and 5.13 + 5.14 (canary with a Job analysis that passes or
/// fails) on a real API server, reconciled by the controller.
@Suite(.enabled(if: KubeTestEnvironment.isAvailable, KubeTestEnvironment.skipMessage))
struct CanaryControllerTests {
    /// Waits for the first revision to be healthy and returns its hash.
    static func healthyStable(_ harness: ControllerHarness) async throws -> String {
        var stable = ""
        try await harness.eventually("the first revision becomes healthy") {
            let rollout = try await harness.rollout("demo")
            stable = rollout.status?.stableRS ?? ""
            return rollout.status?.phase == .healthy && !stable.isEmpty
        }
        return stable
    }

    @Test func bookListingRunsOneCanaryBesideThreeStableThenAllAfterThePause() async throws {
        try await ControllerHarness.run("canary512") { harness in
            try await harness.apply(["Tests/Fixtures/seeds/canary_rollout.yaml"])
            let blue = try await Self.healthyStable(harness)
            try await harness.setImage("demo", "argoproj/rollouts-demo:green")
            var green = ""
            // The ReplicaSets are seen to change before the controller records the step it finished: wait for both.
            try await harness.eventually("one canary pod runs beside three stable ones, paused at the pause step") {
                let sets = try await harness.replicaSets()
                green = sets.keys.first { $0 != blue } ?? ""
                let paused = try await harness.rollout("demo").status?.currentStepIndex == 1
                return paused && sets[green]?.spec.replicas == 1 && sets[green]?.status?.availableReplicas == 1 && sets[blue]?.spec.replicas == 3
            }
            try await harness.eventually("after the pause the canary takes over", timeout: .seconds(90)) {
                let sets = try await harness.replicaSets()
                let rollout = try await harness.rollout("demo")
                return rollout.status?.stableRS == green && rollout.status?.phase == .healthy && sets[green]?.spec.replicas == 3 && sets[blue]?.spec.replicas == 0
            }
        }
    }

    @Test func bookAnalysisTemplatePassPromotes() async throws {
        try await ControllerHarness.run("pass513") { harness in
            try await harness.apply(["Tests/Fixtures/seeds/analysis-templates.yaml", "Tests/Fixtures/seeds/rollout-with-analysis.yaml"])
            let blue = try await Self.healthyStable(harness)
            try await harness.setImage("demo", "argoproj/rollouts-demo:green")
            try await harness.eventually("the canary is promoted after its analysis passes", timeout: .seconds(90)) {
                let rollout = try await harness.rollout("demo")
                return rollout.status?.stableRS != blue && rollout.status?.phase == .healthy
            }
            let runs = try await harness.analysisRuns()
            #expect(!runs.isEmpty)
            #expect(runs.allSatisfy { $0.rolloutName == "demo" })
            let jobs = try await harness.client.listAll(.jobs, namespace: harness.namespace, as: Job.self).items
            #expect(jobs.contains { $0.outcome == .succeeded }, "the pass template ran as a Job")
        }
    }

    @Test func bookAnalysisTemplateFailAbortsAndStaysAbortedUntilRetried() async throws {
        try await ControllerHarness.run("fail514") { harness in
            try await harness.apply(["Tests/Fixtures/seeds/analysis-templates.yaml", "Tests/Fixtures/seeds/rollout-with-analysis.yaml"]) {
                $0.replacingOccurrences(of: "templateName: pass", with: "templateName: fail")
            }
            let blue = try await Self.healthyStable(harness)
            try await harness.setImage("demo", "argoproj/rollouts-demo:green")
            try await harness.eventually("the failed analysis aborts the update", timeout: .seconds(90)) {
                let rollout = try await harness.rollout("demo")
                return rollout.status?.isAborted == true && rollout.status?.phase == .degraded
            }
            try await harness.eventually("all pods are back on the stable revision") {
                let sets = try await harness.replicaSets()
                return sets[blue]?.spec.replicas == 3 && sets.filter { $0.key != blue }.allSatisfy { $0.value.spec.replicas == 0 }
            }
            let aborted = try await harness.rollout("demo")
            #expect(aborted.status?.stableRS == blue)
            #expect(try await harness.eventReasons("demo").contains("RolloutAborted"))
            // It stays aborted: a later look changes nothing until a retry.
            try await Task.sleep(for: .seconds(2))
            #expect(try await harness.rollout("demo").status?.isAborted == true)
        }
    }
}
