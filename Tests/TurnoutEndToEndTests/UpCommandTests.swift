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
        let daemon = try await Daemon()
        defer { daemon.stop() }
        let second = try await TurnoutBinary.run(["up", "--state-dir", daemon.stateDirectory.path, "--api", "127.0.0.1:0"], timeout: 20)
        #expect(second.status == 1)
        #expect(second.stderr.contains("runs `turnout up` with this state directory"), "\(second.stderr)")
        #expect(try await daemon.cli(["list"]).status == 0, "the first daemon still serves")
    }
}

extension UpCommandTests {
    @Test func theImagesTableOfTheConfigurationFileRunsOtherImages() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("turnout-e2e-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try Data("images:\n  example/static-site: [python3, -m, http.server, --bind, 127.0.0.1, $(PORT)]\n".utf8)
            .write(to: directory.appendingPathComponent("config.yaml"))
        let daemon = try await Daemon(stateDirectory: directory)
        defer { daemon.stop() }
        let manifest = try Fixture.text(Fixture.blueGreen, replacing: [("argoproj/rollouts-demo:blue", "example/static-site:v1"), ("path: /color", "path: /")])
        #expect(try await daemon.apply(text: manifest, named: "site.yaml").status == 0)
        let healthy = try await daemon.waitFor("e2e-bluegreen", "Healthy") { $0.isHealthy }
        #expect(healthy.revisions.first?.processes.count == 2)
    }
}
