import Foundation

/// Runs a client-go credential plugin: the command with its arguments and environment, without a shell,
/// with stdin closed and `KUBERNETES_EXEC_INFO` describing the request.
public struct ExecCredentialPlugin: Sendable {
    /// The plugin's configuration from the kubeconfig.
    public var config: ExecConfig
    /// The server URL and CA passed in `KUBERNETES_EXEC_INFO` when `provideClusterInfo` is set.
    public var cluster: (server: String, certificateAuthorityPEM: [UInt8]?)?
    /// The environment the plugin inherits before its own `env` entries are added.
    public var environment: [String: String]

    /// Creates a runner for a plugin.
    public init(
        config: ExecConfig, cluster: (server: String, certificateAuthorityPEM: [UInt8]?)? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) {
        self.config = config
        self.cluster = cluster
        self.environment = environment
    }

    /// Runs the plugin once and parses what it printed.
    public func run() async throws -> ExecCredential {
        let executable = try resolveExecutable()
        var environment = self.environment
        for variable in config.env { environment[variable.name] = variable.value }
        environment["KUBERNETES_EXEC_INFO"] = execInfo()
        let arguments = config.args
        let command = config.command
        let (status, stdout, stderr) = try await Self.launch(
            executable: executable, arguments: arguments, environment: environment, command: command)
        guard status == 0 else {
            throw ExecCredentialError.failed(
                command: command, status: status, stderr: String(decoding: stderr.prefix(2048), as: UTF8.self))
        }
        return try ExecCredential.parse(stdout, expectedAPIVersion: config.apiVersion, command: command)
    }

    /// The command's absolute path: as given when it has a `/`, else the first match on `PATH`.
    func resolveExecutable() throws -> String {
        let manager = FileManager.default
        if config.command.contains("/") {
            guard manager.isExecutableFile(atPath: config.command) else {
                throw ExecCredentialError.commandNotFound(command: config.command, installHint: config.installHint)
            }
            return config.command
        }
        let path = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in path.split(separator: ":") where !directory.isEmpty {
            let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent(config.command).path
            if manager.isExecutableFile(atPath: candidate) { return candidate }
        }
        throw ExecCredentialError.commandNotFound(command: config.command, installHint: config.installHint)
    }

    /// The `KUBERNETES_EXEC_INFO` JSON: a non-interactive `ExecCredential` request, with the cluster if asked.
    func execInfo() -> String {
        var spec: [String: KubernetesJSON] = ["interactive": false]
        if config.provideClusterInfo, let cluster {
            var clusterInfo: [String: KubernetesJSON] = ["server": .string(cluster.server)]
            if let ca = cluster.certificateAuthorityPEM {
                clusterInfo["certificate-authority-data"] = .string(Data(ca).base64EncodedString())
            }
            spec["cluster"] = .object(clusterInfo)
        }
        let info: KubernetesJSON = [
            "apiVersion": .string(config.apiVersion), "kind": "ExecCredential", "spec": .object(spec),
        ]
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return (try? encoder.encode(info)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    /// Starts the process and collects its exit status and output off the cooperative pool.
    static func launch(
        executable: String, arguments: [String], environment: [String: String], command: String
    ) async throws -> (Int32, [UInt8], [UInt8]) {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                let process = Process()
                process.executableURL = URL(fileURLWithPath: executable)
                process.arguments = arguments
                process.environment = environment
                let stdout = Pipe()
                let stderr = Pipe()
                process.standardOutput = stdout
                process.standardError = stderr
                process.standardInput = FileHandle.nullDevice
                do {
                    try process.run()
                } catch {
                    continuation.resume(
                        throwing: ExecCredentialError.launchFailed(command: command, message: "\(error)"))
                    return
                }
                let errorOutput = ErrorOutputCollector()
                let group = DispatchGroup()
                group.enter()
                DispatchQueue.global().async {
                    errorOutput.data = stderr.fileHandleForReading.readDataToEndOfFile()
                    group.leave()
                }
                let output = stdout.fileHandleForReading.readDataToEndOfFile()
                group.wait()
                process.waitUntilExit()
                continuation.resume(returning: (process.terminationStatus, [UInt8](output), [UInt8](errorOutput.data)))
            }
        }
    }
}

/// The plugin's stderr, written by one reader thread and read after it finished (ordered by a `DispatchGroup`).
private final class ErrorOutputCollector: @unchecked Sendable {
    var data = Data()
}
