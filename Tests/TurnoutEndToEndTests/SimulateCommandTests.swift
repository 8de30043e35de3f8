import Foundation
import Testing

/// `turnout simulate` on the seeds' manifests, through the built binary.
@Suite struct SimulateCommandTests {
    struct Row: Decodable {
        var t: Double
        var step: Int?
        var stableReplicas: Int
        var canaryReplicas: Int
        var canaryWeight: Int
        var phase: String
        var message: String
    }

    func simulate(_ arguments: [String]) async throws -> [Row] {
        let result = try await TurnoutBinary.run(["simulate"] + arguments + ["-o", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        return try JSONDecoder().decode([Row].self, from: Data(result.stdout.utf8))
    }

    @Test func bookCanaryRollout() async throws {
        let rows = try await simulate(["-f", "Tests/Fixtures/seeds/canary_rollout.yaml"])
        let canary = try #require(rows.first { $0.step == 1 })
        #expect((canary.canaryReplicas, canary.stableReplicas, canary.canaryWeight) == (1, 3, 25))
        let last = try #require(rows.last)
        #expect((last.t, last.phase, last.canaryReplicas, last.stableReplicas, last.canaryWeight) == (60, "Healthy", 3, 0, 100))
    }

    @Test func bookBlueGreenRollout() async throws {
        let rows = try await simulate(["-f", "Tests/Fixtures/seeds/bluegreen_rollout.yaml"])
        let switched = try #require(rows.first { $0.canaryWeight == 100 })
        #expect(switched.t == 0)
        #expect(switched.canaryReplicas == 3)
        let last = try #require(rows.last)
        #expect((last.t, last.phase, last.stableReplicas) == (30, "Healthy", 0))
    }

    @Test func bookAnalysisPassPromotes() async throws {
        let rows = try await simulate(["-f", "Tests/Fixtures/seeds/rollout-with-analysis.yaml", "-f", "Tests/Fixtures/seeds/analysis-templates.yaml"])
        let last = try #require(rows.last)
        #expect((last.t, last.phase, last.canaryWeight, last.canaryReplicas) == (20, "Healthy", 100, 3))
    }

    @Test func bookAnalysisFailRollsBackAndStaysAborted() async throws {
        let rows = try await simulate(["-f", "Tests/Fixtures/seeds/rollout-with-analysis.yaml", "-f", "Tests/Fixtures/seeds/analysis-templates.yaml", "--analysis", "pass=failed"])
        let aborted = try #require(rows.first { $0.phase == "Degraded" })
        #expect(aborted.t == 15)
        let last = try #require(rows.last)
        #expect((last.phase, last.canaryWeight, last.canaryReplicas, last.stableReplicas) == ("Degraded", 0, 0, 3))
        #expect(last.message.hasPrefix("RolloutAborted:"))
    }

    @Test func tableOutputIsAlignedForPeople() async throws {
        let result = try await TurnoutBinary.run(["simulate", "-f", "examples/canary.yaml"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("T ") == true)
        #expect(lines.first?.contains("CANARY") == true)
        #expect(lines.last?.contains("Healthy") == true)
    }

    @Test func badOutcomeIsRejectedWithTheChoices() async throws {
        let result = try await TurnoutBinary.run(["simulate", "-f", "examples/canary.yaml", "--analysis", "pass=maybe"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("successful|failed|inconclusive"))
    }

    @Test func brokenManifestIsRejectedWithTheLintMessage() async throws {
        let broken = FileManager.default.temporaryDirectory.appendingPathComponent("turnout-broken-\(UUID().uuidString).yaml")
        try """
        apiVersion: argoproj.io/v1alpha1
        kind: Rollout
        metadata:
          name: demo
        spec:
          replicas: 3
          selector:
            matchLabels: {app: demo}
          template:
            metadata:
              labels: {app: demo}
            spec:
              containers:
              - name: demo
                image: argoproj/rollouts-demo:blue
          strategy:
            canary:
              steps:
              - setWeight: 120
        """.write(to: broken, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: broken) }
        let result = try await TurnoutBinary.run(["simulate", "-f", broken.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(broken.path):19:20: spec.strategy.canary.steps[0].setWeight:"))
    }
}
