import Foundation
import Testing

/// `turnout lint` through the built binary.
@Suite struct LintCommandTests {
    @Test func seedsAreValid() async throws {
        let result = try await TurnoutBinary.run(["lint", "-f", "Tests/Fixtures/seeds"])
        #expect(result.status == 0, "\(result.stdout)")
        #expect(!result.stdout.contains(": error"))
        #expect(result.stderr.contains("valid"))
    }

    @Test func recursiveLintReadsEveryInstallManifestUnderDeploy() async throws {
        let flat = try await TurnoutBinary.run(["lint", "-f", "deploy"])
        let recursive = try await TurnoutBinary.run(["lint", "-R", "-f", "deploy"])
        #expect(flat.status == 0 && recursive.status == 0, "\(flat.stdout)\(recursive.stdout)")
        #expect(flat.stderr.contains("1 file(s) valid"), "without -R only deploy/kustomization.yaml: \(flat.stderr)")
        let expected = try FileManager.default.subpathsOfDirectory(atPath: TurnoutBinary.root.appendingPathComponent("deploy").path).filter { $0.hasSuffix(".yaml") }.count
        #expect(expected > 10)
        #expect(recursive.stderr.contains("\(expected) file(s) valid"), "\(recursive.stderr)")
        #expect(!recursive.stdout.contains(": error"), "\(recursive.stdout)")
    }

    @Test func aTargetAddsWhatItsRuntimeChecksBeforeItApplies() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("turnout-lint-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("health.yaml")
        try """
            apiVersion: turnout.dev/v1alpha1
            kind: AnalysisTemplate
            metadata: {name: health}
            spec:
              metrics:
              - name: errors
                successCondition: result < 0.05
                provider:
                  builtin: {metric: error-rate}
            """.write(to: file, atomically: true, encoding: .utf8)
        let plain = try await TurnoutBinary.run(["lint", "-f", file.path])
        #expect(plain.status == 0 && plain.stdout.isEmpty, "\(plain.stdout)")
        let cluster = try await TurnoutBinary.run(["lint", "--target", "kubernetes", "-f", file.path])
        #expect(cluster.status == 0, "a warning does not fail the check")
        #expect(cluster.stdout.contains("health.yaml:9:7: warning: spec.metrics[0].provider.builtin: on a cluster, builtin reads"), "\(cluster.stdout)")
        #expect(cluster.stdout.contains("turnout controller --prometheus URL"))
    }

    @Test(arguments: ["examples/canary.yaml", "examples/bluegreen.yaml"])
    func examplesHaveNoProblemsAtAll(_ example: String) async throws {
        let result = try await TurnoutBinary.run(["lint", "-f", example])
        #expect(result.status == 0)
        #expect(result.stdout.isEmpty, "\(result.stdout)")
    }

    @Test func brokenManifestFailsWithFileLineColumnAndPath() async throws {
        let result = try await TurnoutBinary.run(["lint", "-f", "Tests/Fixtures/broken"])
        #expect(result.status == 1)
        let lines = result.stdout.split(separator: "\n")
        #expect(!lines.isEmpty)
        for line in lines {
            #expect(line.hasPrefix("Tests/Fixtures/broken/"), "\(line)")
            #expect(line.split(separator: ":").count >= 4, "\(line)")
        }
    }

    @Test func missingFileIsAnErrorNotACrash() async throws {
        let result = try await TurnoutBinary.run(["lint", "-f", "does/not/exist.yaml"])
        #expect(result.status == 1)
        #expect(result.stdout == "does/not/exist.yaml:1:1: no such file\n")
    }

    @Test func jsonOutputIsMachineReadable() async throws {
        let result = try await TurnoutBinary.run(["lint", "-f", "Tests/Fixtures/broken", "-o", "json"])
        #expect(result.status == 1)
        let decoded = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]]
        #expect(decoded?.isEmpty == false)
        #expect(decoded?.first?["severity"] as? String != nil)
    }

    @Test func noFilesIsAUsageError() async throws {
        let result = try await TurnoutBinary.run(["lint"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("turnout lint -f"))
    }
}
