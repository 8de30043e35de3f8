import Foundation
import KubernetesTestSupport
import Testing
import TurnoutTestSupport

/// `scripts/check-static-binary`, which the Dockerfile's instructions run on the release binary: it passes a
/// binary that needs only system libraries and refuses one that needs the Swift toolchain's.
struct StaticBinaryCheckTests {
    static let script = CustomResourceInstaller.repositoryRoot.appendingPathComponent("scripts/check-static-binary").path

    /// Runs the script on `binary`; its exit status and what it printed.
    static func check(_ binary: String) async throws -> (status: Int32, output: String) {
        let result = try await runProgram(URL(fileURLWithPath: script), [binary])
        return (result.status, result.stdout + result.stderr)
    }

    @Test func aBinaryOfSystemLibrariesOnlyPasses() async throws {
        let result = try await Self.check("/bin/ls")
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("libc.so.6"))
    }

    /// This build's binaries: the test process itself and, when built beside it, `turnout`; a debug build links
    /// the Swift runtime dynamically.
    static func debugBinaries() -> [String] {
        let testProcess = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        let turnout = testProcess.deletingLastPathComponent().appendingPathComponent("turnout").path
        return [testProcess.path] + (FileManager.default.isExecutableFile(atPath: turnout) ? [turnout] : [])
    }

    @Test(arguments: debugBinaries())
    func aBinaryLinkingTheSwiftRuntimeIsRefusedByName(binary: String) async throws {
        let result = try await Self.check(binary)
        #expect(result.status == 1, "\(result.output)")
        #expect(result.output.contains("libswiftCore.so") && result.output.contains("--static-swift-stdlib"), "\(result.output)")
    }

    /// A `turnout` built with `--static-swift-stdlib` (`.ci/run` builds one and names it here), the binary the
    /// Dockerfile puts in its image.
    static let staticBinary = ProcessInfo.processInfo.environment["TURNOUT_STATIC_BINARY"]

    @Test(.enabled(if: staticBinary != nil, "set TURNOUT_STATIC_BINARY to a turnout built with --static-swift-stdlib"))
    func theStaticallyLinkedTurnoutNeedsOnlySystemLibrariesAndRuns() async throws {
        let binary = try #require(Self.staticBinary)
        let result = try await Self.check(binary)
        #expect(result.status == 0, "\(result.output)")
        #expect(!result.output.contains("libswift"), "\(result.output)")
        let help = try await runProgram(URL(fileURLWithPath: binary), ["--help"])
        #expect(help.status == 0 && help.stdout.contains("controller"), "\(help.stdout)\(help.stderr)")
    }

    @Test func aMissingFileIsAUsageError() async throws {
        #expect(try await Self.check("/nonexistent/turnout").status == 66)
    }
}
