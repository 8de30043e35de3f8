import Foundation
import Testing

@Suite(.serialized) struct ZeroFailureTests {
    @Test func noRequestFailsThroughABlueGreenSwitchAndAFullCanary() async throws {
        let daemon = try await Daemon()
        defer { daemon.stop() }
        #expect(try await daemon.cli(["apply", "-f", Fixture.blueGreen, "-f", Fixture.canaryByWeight]).status == 0)
        try await daemon.waitFor("e2e-bluegreen", "Healthy") { $0.isHealthy }
        try await daemon.waitFor("e2e-weight", "Healthy") { $0.isHealthy }
        let active = LoadGenerator(address: try await daemon.address(of: "e2e-bluegreen-active"))
        let ingress = LoadGenerator(address: try await daemon.address(of: "ingress"))

        #expect(try await daemon.cli(["set", "image", "e2e-bluegreen", "demo=argoproj/rollouts-demo:green"]).status == 0)
        try await daemon.waitFor("e2e-bluegreen", "paused") { $0.rollout.status?.phase == .paused }
        #expect(try await daemon.cli(["promote", "e2e-bluegreen"]).status == 0)
        // Through the scale-down of the old revision (3 s after the switch).
        try await daemon.waitFor("e2e-bluegreen", "switched and scaled down") { view in
            view.isHealthy && view.revisions.allSatisfy { $0.replicas > 0 || $0.processes.isEmpty }
        }

        #expect(try await daemon.cli(["set", "image", "e2e-weight", "demo=argoproj/rollouts-demo:green"]).status == 0)
        try await daemon.waitFor("e2e-weight", "paused at 30%") { $0.isPaused(atStep: 1) }
        #expect(try await daemon.cli(["promote", "e2e-weight"]).status == 0)
        try await daemon.waitFor("e2e-weight", "promoted and old replicas gone") { view in
            view.isHealthy && view.revisions.allSatisfy { $0.replicas > 0 || $0.processes.isEmpty }
        }

        let throughActive = await active.stop()
        let throughIngress = await ingress.stop()
        #expect(throughActive.failures.isEmpty, "\(throughActive)")
        #expect(throughIngress.failures.isEmpty, "\(throughIngress)")
        #expect(throughActive.colors["blue", default: 0] > 0 && throughActive.colors["green", default: 0] > 0)
        #expect(throughIngress.colors["blue", default: 0] > 0 && throughIngress.colors["green", default: 0] > 0)
    }
}
