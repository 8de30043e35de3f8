import Foundation
import Testing

@Suite(.serialized) struct BlueGreenTests {
    @Test func previewPromoteScaleDownAndUndo() async throws {
        let daemon = try await Daemon()
        defer { daemon.stop() }
        let applied = try await daemon.cli(["apply", "-f", Fixture.blueGreen])
        #expect(applied.status == 0, "\(applied.stderr)")
        try await daemon.waitFor("e2e-bluegreen", "Healthy") { $0.isHealthy }
        let active = try await daemon.address(of: "e2e-bluegreen-active")
        let preview = try await daemon.address(of: "e2e-bluegreen-preview")
        #expect(await ColorSample.take(50, from: active).colors == ["blue": 50])

        #expect(try await daemon.cli(["set", "image", "e2e-bluegreen", "demo=argoproj/rollouts-demo:green"]).status == 0)
        try await daemon.waitFor("e2e-bluegreen", "paused with green previewed") { view in
            view.rollout.status?.phase == .paused && view.revision("preview").map { $0.ready == 2 } == true
        }
        #expect(await ColorSample.take(50, from: preview).colors == ["green": 50])
        #expect(await ColorSample.take(50, from: active).colors == ["blue": 50])

        #expect(try await daemon.cli(["promote", "e2e-bluegreen"]).status == 0)
        let status = try await daemon.cli(["status", "e2e-bluegreen", "--timeout", "60s"])
        #expect(status.status == 0, "\(status.stdout)\(status.stderr)")
        #expect(await ColorSample.take(50, from: active).colors == ["green": 50])

        // The old revision keeps its replicas for scaleDownDelaySeconds (3 s), then goes to zero.
        let scaledDown = try await daemon.waitFor("e2e-bluegreen", "old revision scaled down") { view in
            view.revisions.first { $0.number == 1 }.map { $0.replicas == 0 && $0.processes.isEmpty } == true
        }
        #expect(scaledDown.revision("active")?.number == 2)

        #expect(try await daemon.cli(["undo", "e2e-bluegreen"]).status == 0)
        try await daemon.waitFor("e2e-bluegreen", "paused with blue previewed or switched") { view in
            view.rollout.status?.phase == .paused || view.isHealthy && view.revision("active")?.images == ["argoproj/rollouts-demo:blue"]
        }
        if try await daemon.rollout("e2e-bluegreen").rollout.status?.phase == .paused {
            #expect(try await daemon.cli(["promote", "e2e-bluegreen"]).status == 0)
        }
        try await daemon.waitFor("e2e-bluegreen", "Healthy on blue") { $0.isHealthy && $0.revision("active")?.images == ["argoproj/rollouts-demo:blue"] }
        #expect(await ColorSample.take(50, from: active).colors == ["blue": 50])
    }
}
