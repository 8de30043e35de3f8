import Foundation
import Testing

@Suite(.serialized) struct CanaryTests {
    @Test func replicaRatioSplitsTrafficByReplicaCount() async throws {
        let daemon = try await Daemon()
        defer { daemon.stop() }
        #expect(try await daemon.cli(["apply", "-f", Fixture.canaryByRatio]).status == 0)
        try await daemon.waitFor("e2e-ratio", "Healthy") { $0.isHealthy }
        #expect(try await daemon.cli(["set", "image", "e2e-ratio", "demo=argoproj/rollouts-demo:green"]).status == 0)
        let paused = try await daemon.waitFor("e2e-ratio", "paused at 25%") { view in
            view.isPaused(atStep: 1) && view.revision("canary")?.ready == 1 && view.revision("stable")?.ready == 3
        }
        #expect(paused.revision("canary")?.replicas == 1)
        let sample = await ColorSample.take(1_000, from: try await daemon.address(of: "e2e-ratio"))
        #expect(sample.failures.isEmpty)
        #expect(abs(sample.share(of: "green") - 25) <= 2, "\(sample)")

        #expect(try await daemon.cli(["promote", "e2e-ratio"]).status == 0)
        #expect(try await daemon.cli(["status", "e2e-ratio", "--timeout", "60s"]).status == 0)
    }

    @Test func proxyWeightMatchesEachStepAndAbortReturnsToStable() async throws {
        let daemon = try await Daemon()
        defer { daemon.stop() }
        #expect(try await daemon.cli(["apply", "-f", Fixture.canaryByWeight]).status == 0)
        try await daemon.waitFor("e2e-weight", "Healthy") { $0.isHealthy }
        let ingress = try await daemon.address(of: "ingress")

        #expect(try await daemon.cli(["set", "image", "e2e-weight", "demo=argoproj/rollouts-demo:green"]).status == 0)
        try await daemon.waitFor("e2e-weight", "paused at 30%") { $0.isPaused(atStep: 1) }
        let atThirty = await ColorSample.take(1_000, from: ingress)
        #expect(atThirty.failures.isEmpty)
        #expect(abs(atThirty.share(of: "green") - 30) <= 2, "\(atThirty)")

        #expect(try await daemon.cli(["abort", "e2e-weight"]).status == 0)
        try await daemon.waitFor("e2e-weight", "aborted") { view in
            view.rollout.status?.isAborted == true && view.traffic.map { ($0.canaryWeight ?? 0) == 0 || $0.canary == $0.stable } == true
        }
        #expect(await ColorSample.take(200, from: ingress).colors == ["blue": 200])
        let status = try await daemon.cli(["status", "e2e-weight", "--timeout", "10s"])
        #expect(status.status == 1, "\(status.stdout)\(status.stderr)")
    }
}
