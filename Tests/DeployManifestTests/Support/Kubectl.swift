import Foundation
import KubernetesTestSupport
import Testing
import TurnoutTestSupport

/// Runs `kubectl` (found on PATH) with arguments, no shell, on a Dispatch thread, stopping it after a deadline.
enum Kubectl {
    /// What one run printed and how it ended.
    struct Result: Sendable {
        /// The exit status (15 when the deadline stopped it).
        var status: Int32
        /// Standard output.
        var output: String
        /// Standard error.
        var errors: String

        /// The command line and both outputs, for failure messages.
        func described(_ arguments: [String]) -> String {
            "kubectl \(arguments.joined(separator: " ")) exited \(status)\nstdout: \(output)\nstderr: \(errors)"
        }
    }

    /// Whether `kubectl` is on PATH.
    static var isInstalled: Bool {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        return path.split(separator: ":").contains { FileManager.default.isExecutableFile(atPath: "\($0)/kubectl") }
    }

    /// Why the kubectl suites are skipped, for the trait's comment.
    static let skipMessage: Comment = "kubectl is not on PATH: install kubectl (1.32) to render and check deploy/"

    /// Runs kubectl with `arguments`; `kubeconfig` adds `--kubeconfig` (the test API server's admin).
    static func run(_ arguments: [String], kubeconfig: String? = nil, timeout: TimeInterval = 60) async throws -> Result {
        let full = (kubeconfig.map { ["--kubeconfig", $0] } ?? []) + arguments
        return try await blockingWork { try runBlocking(full, timeout: timeout) }
    }

    /// Runs kubectl against the test API server and throws, with its output, unless it exits 0.
    @discardableResult
    static func admin(_ arguments: [String]) async throws -> Result {
        let result = try await run(arguments, kubeconfig: KubeTestEnvironment.kubeconfigPath)
        guard result.status == 0 else { throw Failure(message: result.described(arguments)) }
        return result
    }

    /// `kubectl kustomize DIRECTORY`, throwing with kubectl's message when it fails.
    static func kustomize(_ directory: URL) async throws -> String {
        let arguments = ["kustomize", directory.path]
        let result = try await run(arguments)
        guard result.status == 0 else { throw Failure(message: result.described(arguments)) }
        return result.output
    }

    private static func runBlocking(_ arguments: [String], timeout: TimeInterval) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["kubectl"] + arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let deadline = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: deadline)
        // Both pipes drain at once: a full stderr pipe must not stall a large stdout.
        let errorData = ErrorBuffer()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errorData.set(errors.fileHandleForReading.readDataToEndOfFile())
            group.leave()
        }
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        deadline.cancel()
        return Result(
            status: process.terminationStatus, output: String(decoding: outputData, as: UTF8.self),
            errors: String(decoding: errorData.get(), as: UTF8.self))
    }

    /// Standard error's bytes, handed from the reading thread.
    private final class ErrorBuffer: @unchecked Sendable {
        private let lock = NSLock()
        private var data = Data()

        func set(_ value: Data) { lock.withLock { data = value } }
        func get() -> Data { lock.withLock { data } }
    }

    /// A kubectl run that failed.
    struct Failure: Error, CustomStringConvertible {
        /// The command line and what it printed.
        var message: String
        var description: String { message }
    }
}
