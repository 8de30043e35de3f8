import Foundation
import Testing

@Suite(.serialized) struct RestartTests {
    @Test func killDashNineMidRolloutLosesNothing() async throws {
        let daemon = try await Daemon()
        defer { daemon.stop() }
        #expect(try await daemon.cli(["apply", "-f", Fixture.canaryByWeight]).status == 0)
        try await daemon.waitFor("e2e-weight", "Healthy") { $0.isHealthy }
        #expect(try await daemon.cli(["set", "image", "e2e-weight", "demo=argoproj/rollouts-demo:green"]).status == 0)
        let before = try await daemon.waitFor("e2e-weight", "paused at 30%") { $0.isPaused(atStep: 1) }
        let ingress = try await daemon.address(of: "ingress")
        let pids = Set(before.revisions.flatMap(\.processes).compactMap(\.pid))
        let events = try await daemon.events("e2e-weight")

        await daemon.kill9()
        try await daemon.start()

        let after = try await daemon.waitFor("e2e-weight", "re-adopted at step 1") { view in
            view.isPaused(atStep: 1) && view.revisions.flatMap(\.processes).allSatisfy(\.isReady)
                && view.revisions.flatMap(\.processes).count == pids.count
        }
        #expect(Set(after.revisions.flatMap(\.processes).compactMap(\.pid)) == pids, "replicas were re-adopted, not restarted")
        #expect(after.rollout.status?.currentPodHash == before.rollout.status?.currentPodHash)
        #expect(try await daemon.address(of: "ingress") == ingress)
        #expect(try await Array(daemon.events("e2e-weight").prefix(events.count)) == events, "events were kept")
        let sample = await ColorSample.take(1_000, from: ingress)
        #expect(abs(sample.share(of: "green") - 30) <= 2, "\(sample)")

        #expect(try await daemon.cli(["promote", "e2e-weight"]).status == 0)
        #expect(try await daemon.cli(["status", "e2e-weight", "--timeout", "60s"]).status == 0)
        #expect(await ColorSample.take(100, from: ingress).colors == ["green": 100])
    }
}
