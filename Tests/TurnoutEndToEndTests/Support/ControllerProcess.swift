import Foundation
import TurnoutTestSupport

/// A `turnout controller` process reconciling one namespace of the test API server, out of cluster, with its
/// probes on a free loopback port and its log in a file beside the test's temporary files.
final class ControllerProcess: @unchecked Sendable {
    /// The identity it holds the Lease with.
    let identity: String
    /// `http://127.0.0.1:PORT` of its /healthz, /readyz and /metrics.
    private(set) var probes = ""
    private let arguments: [String]
    private let log: URL
    private var process: Process?

    /// Starts a controller for `namespace` reconciling `group`'s Rollouts, electing a leader when `leaderElect`.
    init(kubeconfig: String, namespace: String, group: String, identity: String, leaderElect: Bool = false) async throws {
        self.identity = identity
        arguments = ["controller", "--kubeconfig", kubeconfig, "-n", namespace, "--api-group", group, "--identity", identity,
                     "--health-address", "127.0.0.1:0", "--log-level", "info"]
            + (leaderElect ? ["--leader-elect", "--lease-namespace", namespace] : [])
        log = FileManager.default.temporaryDirectory.appendingPathComponent("turnout-controller-\(identity)-\(UUID().uuidString.prefix(8)).log")
        try await start()
    }

    /// Starts the process (again) and waits until it serves its probes.
    func start() async throws {
        let process = Process()
        process.executableURL = TurnoutBinary.url
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        if !FileManager.default.fileExists(atPath: log.path) { _ = FileManager.default.createFile(atPath: log.path, contents: nil) }
        let logHandle = try FileHandle(forWritingTo: log)
        logHandle.seekToEndOfFile()
        process.standardError = logHandle
        try process.run()
        self.process = process
        let banner = await blockingWork { () -> String? in
            var text = ""
            let deadline = Date().addingTimeInterval(60)
            while Date() < deadline {
                let chunk = output.fileHandleForReading.availableData
                guard !chunk.isEmpty else { return nil }
                text += String(decoding: chunk, as: UTF8.self)
                if let line = text.split(separator: "\n").first(where: { $0.contains("health and metrics on ") }) { return String(line) }
            }
            return nil
        }
        guard let banner, let range = banner.range(of: "http://") else {
            process.terminate()
            throw ControllerProcessError(message: "turnout controller did not start: \(logTail())")
        }
        probes = String(banner[range.lowerBound...]).trimmingCharacters(in: CharacterSet(charactersIn: "/ "))
        // Keep reading stdout so the controller never blocks on a full pipe.
        DispatchQueue.global().async { while !output.fileHandleForReading.availableData.isEmpty {} }
    }

    /// Whether the process runs.
    var isRunning: Bool { process?.isRunning ?? false }

    /// Kills the process with SIGKILL, as a crash or a lost node would.
    func kill9() async {
        guard let process else { return }
        kill(process.processIdentifier, SIGKILL)
        await blockingWork { process.waitUntilExit() }
        self.process = nil
    }

    /// Stops the process with SIGTERM and waits for it to exit; returns its exit status.
    @discardableResult
    func stop() async -> Int32? {
        guard let process else { return nil }
        process.terminate()
        await blockingWork { process.waitUntilExit() }
        self.process = nil
        return process.terminationStatus
    }

    /// The end of the controller's log, for failure messages.
    func logTail() -> String {
        String(((try? String(contentsOf: log, encoding: .utf8)) ?? "").suffix(3_000))
    }

    deinit {
        if let process, process.isRunning { kill(process.processIdentifier, SIGKILL) }
        try? FileManager.default.removeItem(at: log)
    }
}

/// A controller process that could not be started.
struct ControllerProcessError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
