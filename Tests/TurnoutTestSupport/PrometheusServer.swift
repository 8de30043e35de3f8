import Foundation
import Testing
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A real Prometheus (Debian's `prometheus`) on 127.0.0.1 that scrapes itself every second as job `self`,
/// with its own data directory; ready once its first scrape is queryable.
public final class PrometheusServer: Sendable {
    /// Where the tests look for the binary (`TURNOUT_PROMETHEUS` overrides).
    public static let binary = ProcessInfo.processInfo.environment["TURNOUT_PROMETHEUS"] ?? "/usr/bin/prometheus"
    /// Whether the binary is installed.
    public static var isAvailable: Bool { FileManager.default.isExecutableFile(atPath: binary) }
    /// Why tests that need it are skipped.
    public static let skipMessage: Comment = "needs Prometheus at \(binary) (apt-get install prometheus, or set TURNOUT_PROMETHEUS)"

    /// `http://127.0.0.1:PORT`.
    public let baseURL: String
    private let process: Process
    private let directory: URL

    private init(baseURL: String, process: Process, directory: URL) {
        self.baseURL = baseURL
        self.process = process
        self.directory = directory
    }

    /// Starts Prometheus on a free loopback port, scraping `targets` (`HOST:PORT`) every second as job
    /// `exporter` besides itself, and waits (at most `timeout`) until `up{job="self"}` has a sample.
    public static func start(scraping targets: [String] = [], timeout: Duration = .seconds(30)) async throws -> PrometheusServer {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("turnout-prometheus-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let port = try freeLoopbackPort()
        let config = directory.appendingPathComponent("prometheus.yml")
        try """
            global: {scrape_interval: 1s, evaluation_interval: 1s}
            scrape_configs:
            - job_name: self
              static_configs: [{targets: ["127.0.0.1:\(port)"]}]
            \(targets.isEmpty ? "" : "- job_name: exporter\n  static_configs: [{targets: [\(targets.map { "\"\($0)\"" }.joined(separator: ", "))]}]")
            """.write(to: config, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = [
            "--config.file=\(config.path)", "--storage.tsdb.path=\(directory.appendingPathComponent("data").path)",
            "--web.listen-address=127.0.0.1:\(port)", "--log.level=warn",
        ]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = try FileHandle(forWritingTo: createdFile(directory.appendingPathComponent("prometheus.log")))
        try process.run()
        let server = PrometheusServer(baseURL: "http://127.0.0.1:\(port)", process: process, directory: directory)
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        while clock.now < deadline {
            if await server.hasSelfSample() { return server }
            guard process.isRunning else { break }
            try await clock.sleep(for: .milliseconds(200))
        }
        let log = (try? String(contentsOf: directory.appendingPathComponent("prometheus.log"), encoding: .utf8)) ?? ""
        server.stop()
        throw PrometheusStartFailure(log: log)
    }

    /// Stops it and removes its data.
    public func stop() {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: directory)
    }

    private func hasSelfSample() async -> Bool {
        guard let url = URL(string: baseURL + "/api/v1/query?query=up%7Bjob%3D%22self%22%7D"),
              let (data, _) = try? await URLSession.shared.data(from: url) else { return false }
        return String(decoding: data, as: UTF8.self).contains(#""value":["#)
    }

    private static func createdFile(_ url: URL) -> URL {
        FileManager.default.createFile(atPath: url.path, contents: nil)
        return url
    }
}

/// Prometheus exited or never answered.
public struct PrometheusStartFailure: Error, CustomStringConvertible {
    /// What it logged.
    public var log: String
    public var description: String { "Prometheus did not become ready: \(log.suffix(2000))" }
}
