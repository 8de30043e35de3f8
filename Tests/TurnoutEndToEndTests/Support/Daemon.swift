import Foundation
import TurnoutTestSupport
import TurnoutService

/// A `turnout up` process on a temporary state directory, with the API on a free loopback port.
final class Daemon: @unchecked Sendable {
    /// The state directory (kept across `restart`).
    let stateDirectory: URL
    /// `http://127.0.0.1:PORT` of the running daemon's API.
    private(set) var server = ""
    /// Variables added to the daemon's environment at each `start()`.
    var environment: [String: String]
    private var process: Process?
    private var output: Pipe?
    private var lines: [String] = []

    /// Starts a daemon on `stateDirectory`, a new one by default, with `environment` added to its own.
    init(stateDirectory: URL = FileManager.default.temporaryDirectory.appendingPathComponent("turnout-e2e-\(UUID().uuidString.prefix(8))"), environment: [String: String] = [:]) async throws {
        self.stateDirectory = stateDirectory
        self.environment = environment
        try await start()
    }

    /// Where the daemon's stderr goes: beside the state directory, removed with it.
    private var errorLog: URL { stateDirectory.deletingLastPathComponent().appendingPathComponent("\(stateDirectory.lastPathComponent)-stderr.log") }

    /// Starts `turnout up` on the state directory and waits for its API address (on a thread of its own).
    func start() async throws {
        try await blockingWork { try self.startBlocking() }
    }

    private func startBlocking() throws {
        let process = Process()
        process.executableURL = TurnoutBinary.url
        process.arguments = ["up", "--state-dir", stateDirectory.path, "--api", "127.0.0.1:0", "--log-level", "warning"]
        process.currentDirectoryURL = TurnoutBinary.root
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, added in added }
        }
        let output = Pipe()
        process.standardOutput = output
        // Not the test's own stderr: a daemon left behind by a crashed test run must not hold CI's output open.
        _ = FileManager.default.createFile(atPath: errorLog.path, contents: nil)
        process.standardError = try FileHandle(forWritingTo: errorLog)
        try process.run()
        self.process = process
        self.output = output
        let deadline = Date().addingTimeInterval(30)
        var buffer = Data()
        while Date() < deadline {
            let chunk = output.fileHandleForReading.availableData
            guard !chunk.isEmpty else { break }
            buffer.append(chunk)
            let text = String(decoding: buffer, as: UTF8.self)
            if let line = text.split(separator: "\n").first(where: { $0.contains("API on ") }) {
                server = String(line[line.range(of: "API on ")!.upperBound...]).trimmingCharacters(in: .whitespaces)
                lines = text.split(separator: "\n").map(String.init)
                return
            }
        }
        process.terminate()
        let errors = (try? String(contentsOf: errorLog, encoding: .utf8)) ?? ""
        throw DaemonError.noBanner(String(decoding: buffer, as: UTF8.self) + errors)
    }

    /// Runs `turnout ARGS --server SERVER`.
    func cli(_ arguments: [String], timeout: Int = 60) async throws -> TurnoutBinary.Result {
        try await TurnoutBinary.run(arguments + ["--server", server], timeout: timeout)
    }

    /// Writes `text` to a file named `name` in the state directory's parent and applies it with `turnout apply -f`.
    func apply(text: String, named name: String) async throws -> TurnoutBinary.Result {
        let file = stateDirectory.deletingLastPathComponent().appendingPathComponent("\(stateDirectory.lastPathComponent)-\(name)")
        try Data(text.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        return try await cli(["apply", "-f", file.path])
    }

    /// The rollout as `turnout get rollout NAME -o json` shows it.
    func rollout(_ name: String) async throws -> RolloutView {
        let result = try await cli(["get", "rollout", name, "-o", "json"])
        guard result.status == 0 else { throw DaemonError.command("get rollout \(name)", result.stderr) }
        return try JSONDecoder().decode(RolloutView.self, from: Data(result.stdout.utf8))
    }

    /// The rollout's events as `turnout events NAME -o json` shows them.
    func events(_ name: String) async throws -> [EventView] {
        let result = try await cli(["events", name, "-o", "json"])
        guard result.status == 0 else { throw DaemonError.command("events \(name)", result.stderr) }
        return try JSONDecoder().decode([EventView].self, from: Data(result.stdout.utf8))
    }

    /// Polls the rollout until `condition` holds; fails with its last state after `seconds`.
    @discardableResult
    func waitFor(_ name: String, _ what: String, seconds: Double = 60, _ condition: (RolloutView) -> Bool) async throws -> RolloutView {
        try await waitForRollout(name, what, seconds: seconds, interval: .milliseconds(200), read: { try await rollout(name) }, condition)
    }

    /// Where a Service (or `ingress`) listens, as `127.0.0.1:PORT`.
    func address(of listener: String) async throws -> String {
        let name = listener == "ingress" ? listener : "service/\(listener)"
        for _ in 0..<50 {
            if let found = try await rollouts().flatMap(\.listeners).first(where: { $0.name == name }) { return found.address }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw DaemonError.command("find listener \(name)", "not listening")
    }

    private func rollouts() async throws -> [RolloutView] {
        let list = try await cli(["list", "-o", "json"])
        var views: [RolloutView] = []
        for summary in try JSONDecoder().decode([RolloutSummary].self, from: Data(list.stdout.utf8)) {
            views.append(try await rollout(summary.name))
        }
        return views
    }

    /// Kills the daemon with SIGKILL, as a crash would; its replicas keep running.
    func kill9() async {
        guard let process else { return }
        kill(process.processIdentifier, SIGKILL)
        await blockingWork { process.waitUntilExit() }
        self.process = nil
    }

    /// Waits up to `seconds` for the daemon to exit by itself (as when it crashes); returns whether it did.
    func waitUntilExited(seconds: Double) async -> Bool {
        guard let process else { return true }
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning, Date() < deadline {
            try? await Task.sleep(for: .milliseconds(50))
        }
        guard !process.isRunning else { return false }
        self.process = nil
        return true
    }

    /// Stops the daemon with SIGTERM (which stops its replicas); a Dispatch thread waits for it to exit and
    /// then removes the state directory, so no cooperative thread blocks on the wait.
    func stop() {
        let process = process
        self.process = nil
        process?.terminate()
        let leftovers = [stateDirectory, errorLog]
        DispatchQueue.global().async {
            process?.waitUntilExit()
            for url in leftovers { try? FileManager.default.removeItem(at: url) }
        }
    }

    deinit { stop() }
}

/// Why a daemon test step failed.
enum DaemonError: Error, CustomStringConvertible {
    case noBanner(String)
    case command(String, String)

    var description: String {
        switch self {
        case .noBanner(let output): return "turnout up printed no API address: \(output)"
        case .command(let what, let stderr): return "\(what) failed: \(stderr)"
        }
    }
}
