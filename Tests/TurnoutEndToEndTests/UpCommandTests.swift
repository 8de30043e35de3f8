import Foundation
import Testing

@Suite(.serialized) struct UpCommandTests {
    @Test func anAddressOffLoopbackWithoutATokenIsRefusedBeforeAnythingStarts() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("turnout-e2e-\(UUID().uuidString.prefix(8))")
        let result = try await TurnoutBinary.run(["up", "--state-dir", directory.path, "--api", "0.0.0.0:0"], timeout: 20)
        #expect(result.status == 64)
        #expect(result.stderr.contains("needs a token"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: directory.path))
    }

    @Test func aSecondDaemonOnTheSameStateIsRefused() async throws {
        let daemon = try Daemon()
        defer { daemon.stop() }
        let second = try await TurnoutBinary.run(["up", "--state-dir", daemon.stateDirectory.path, "--api", "127.0.0.1:0"], timeout: 20)
        #expect(second.status == 1)
        #expect(second.stderr.contains("runs `turnout up` with this state directory"), "\(second.stderr)")
        #expect(try await daemon.cli(["list"]).status == 0, "the first daemon still serves")
    }
}
