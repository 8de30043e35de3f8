import Foundation
import KubernetesTestSupport
import Testing
import TurnoutTestSupport

/// Runs `kubectl` (found on PATH) with arguments, no shell, on a Dispatch thread, stopping it after a deadline.
enum Kubectl {
    /// What one run printed and how it ended.
    typealias Result = ProgramResult

    /// Whether `kubectl` is on PATH.
    static var isInstalled: Bool {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        return path.split(separator: ":").contains { FileManager.default.isExecutableFile(atPath: "\($0)/kubectl") }
    }

    /// Why the kubectl suites are skipped, for the trait's comment.
    static let skipMessage: Comment = "kubectl is not on PATH: install kubectl (1.32) to render and check deploy/"

    /// Runs kubectl with `arguments`; `kubeconfig` adds `--kubeconfig` (the test API server's admin).
    static func run(_ arguments: [String], kubeconfig: String? = nil, timeout: Int = 60) async throws -> Result {
        let full = (kubeconfig.map { ["--kubeconfig", $0] } ?? []) + arguments
        return try await runProgram(URL(fileURLWithPath: "/usr/bin/env"), ["kubectl"] + full, timeout: timeout)
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
        return result.stdout
    }

    /// A kubectl run that failed.
    struct Failure: Error, CustomStringConvertible {
        /// The command line and what it printed.
        var message: String
        var description: String { message }
    }
}

extension ProgramResult {
    /// The kubectl command line and both outputs on one line (a CI summary keeps only an issue's first line).
    func described(_ arguments: [String]) -> String {
        func oneLine(_ text: String) -> String { text.split(whereSeparator: \.isNewline).joined(separator: " | ") }
        return "kubectl \(arguments.joined(separator: " ")) exited \(status): stderr: \(oneLine(stderr)) stdout: \(oneLine(stdout))"
    }
}
