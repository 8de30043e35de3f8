import Foundation
import TurnoutTestSupport

/// Runs the built `turnout` binary and captures what it prints.
struct TurnoutBinary {
    /// The result of one run.
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

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
        try await blockingWork { try runBlocking(arguments, executable: executable, environment: environment, timeout: timeout) }
    }

    /// Runs the program and waits for it, blocking the calling thread.
    private static func runBlocking(_ arguments: [String], executable: URL, environment: [String: String], timeout: Int) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = root
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, added in added }
        }
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        // Read both pipes while the process runs so a full pipe cannot block it.
        let group = DispatchGroup()
        nonisolated(unsafe) var outData = Data()
        nonisolated(unsafe) var errData = Data()
        DispatchQueue.global().async(group: group) { outData = output.fileHandleForReading.readDataToEndOfFile() }
        DispatchQueue.global().async(group: group) { errData = errors.fileHandleForReading.readDataToEndOfFile() }
        if group.wait(timeout: .now() + .seconds(timeout)) == .timedOut {
            process.terminate()
            throw TimeoutError(arguments: arguments, seconds: timeout)
        }
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self))
    }

    /// A run that did not finish in time.
    struct TimeoutError: Error, CustomStringConvertible {
        var arguments: [String]
        var seconds: Int
        var description: String { "turnout \(arguments.joined(separator: " ")) did not finish within \(seconds) s" }
    }
}
