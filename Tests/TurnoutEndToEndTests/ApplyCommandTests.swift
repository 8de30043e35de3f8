import Foundation
import Testing

@Suite(.serialized) struct ApplyCommandTests {
    @Test func badManifestIsRejectedWithTheLintMessageAndChangesNothing() async throws {
        let daemon = try await Daemon()
        defer { daemon.stop() }
        #expect(try await daemon.cli(["apply", "-f", Fixture.blueGreen]).status == 0)
        let before = try await daemon.rollout("e2e-bluegreen")

        let rejected = try await daemon.cli(["apply", "-f", Fixture.broken])
        #expect(rejected.status == 1)
        #expect(rejected.stderr.contains("\(Fixture.broken):6:13: spec.replicas: expected an integer"), "\(rejected.stderr)")
        #expect(rejected.stderr.contains("scaleDownDelaySeconds cannot be negative"))
        let after = try await daemon.rollout("e2e-bluegreen")
        #expect(after.rollout.metadata.generation == before.rollout.metadata.generation)
        #expect(after.rollout.spec == before.rollout.spec)
    }
}
