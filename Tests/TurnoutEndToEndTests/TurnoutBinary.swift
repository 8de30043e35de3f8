import Foundation
import TurnoutTestSupport

/// Runs the built `turnout` binary and captures what it prints.
struct TurnoutBinary {
    /// The result of one run.
    typealias Result = ProgramResult

    /// The binary next to the test bundle (or `TURNOUT_BIN`).
    static var url: URL {
        if let path = ProcessInfo.processInfo.environment["TURNOUT_BIN"] { return URL(fileURLWithPath: path) }
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
            Bundle.main.bundleURL.deletingLastPathComponent(),
            Bundle.main.bundleURL,
        ]
        for directory in candidates {
            let url = directory.appendingPathComponent("turnout")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return candidates[0].appendingPathComponent("turnout")
    }

    /// The repository root, for fixtures and examples.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Runs `turnout ARGS` in the repository root on a thread of its own (keeping Swift's cooperative threads
    /// free for other tests), stopping it after `timeout` seconds. `environment` is added to the test's own;
    /// `executable` runs another program instead (such as `kubectl`, for the plugin).
    static func run(_ arguments: [String], executable: URL = url, environment: [String: String] = [:], timeout: Int = 60) async throws -> Result {
        try await runProgram(executable, arguments, environment: environment, currentDirectory: root, timeout: timeout)
    }
}
