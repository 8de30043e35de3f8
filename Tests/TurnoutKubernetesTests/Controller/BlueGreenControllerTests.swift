import Foundation
import KubernetesClient
import KubernetesTestSupport
import Testing
import TurnoutCore
import TurnoutKubernetes

/// Book listing 5.9 (blue-green, automatic promotion) on a real API server, reconciled by the controller.
@Suite(.enabled(if: KubeTestEnvironment.isAvailable, KubeTestEnvironment.skipMessage))
struct BlueGreenControllerTests {
    @Test func bookListingSwitchesTheActiveServiceOnlyOnceItsEndpointsAreTheNewPods() async throws {
        try await ControllerHarness.run("bg59") { harness in
            try await harness.apply(["Tests/Fixtures/seeds/bluegreen_rollout.yaml"])
            var blue = ""
            try await harness.eventually("the first revision becomes healthy") {
                let rollout = try await harness.rollout("demo")
                blue = rollout.status?.stableRS ?? ""
                return rollout.status?.phase == .healthy && !blue.isEmpty
            }
            let first = try #require(try await harness.replicaSets()[blue])
            #expect(first.metadata.name == "demo-\(blue)")
            #expect(first.spec.replicas == 3)
            #expect(first.metadata.controllerReference?.kind == "Rollout")
            #expect(try await harness.service("demo-service").selectedHash == blue)

            try await harness.setImage("demo", "argoproj/rollouts-demo:green")
            var green = ""
            try await harness.eventually("the active service switches to the green revision") {
                let rollout = try await harness.rollout("demo")
                green = rollout.status?.stableRS ?? ""
                return !green.isEmpty && green != blue
            }
            #expect(try await harness.service("demo-service").selectedHash == green)
            let verified = try await harness.rollout("demo").status?.condition(.trafficVerified)
            #expect(verified?.status == .true, "the EndpointSlices confirmed the switch: \(String(describing: verified))")
            let sets = try await harness.replicaSets()
            #expect(sets[green]?.spec.replicas == 3)
            let old = try #require(sets[blue])
            #expect(old.metadata.annotations?["scale-down-deadline"] != nil, "the old revision waits for its scale-down delay")
            try await harness.eventually("the old revision is scaled down after the delay", timeout: .seconds(60)) {
                try await harness.replicaSets()[blue]?.spec.replicas == 0
            }
            let reasons = try await harness.eventReasons("demo")
            #expect(reasons.contains("ActiveSwitched"), "\(reasons)")
        }
    }
}
