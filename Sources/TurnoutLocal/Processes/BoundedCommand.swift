#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs a short command (an exec probe or hook) from an argument vector and waits for it, killing it (and its
/// process group) when it outlives its timeout.
enum BoundedCommand {
    /// Seconds between checks for the command's exit.
    static let pollSeconds = 0.02

    /// How the command ended, or `nil` when it timed out and was killed. Throws when it cannot be started.
    static func run(arguments: [String], environment: [String: String], workingDirectory: String?, output: ProcessSpawner.Output, timeout: Double) async throws(ProcessSupervisorError) -> ProcessHandle.Exit? {
        let handle = ProcessHandle(pid: try ProcessSpawner.spawn(arguments: arguments, environment: environment, workingDirectory: workingDirectory, output: output))
        let deadline = Deadline(seconds: timeout)
        while !deadline.hasPassed, !Task.isCancelled {
            if let exit = handle.exit() { return exit }
            try? await Task.sleep(for: .seconds(pollSeconds))
        }
        if let exit = handle.exit() { return exit }
        handle.send(SIGKILL)
        let reapDeadline = Deadline(seconds: 5)
        while handle.exit() == nil, !reapDeadline.hasPassed {
            try? await Task.sleep(for: .seconds(pollSeconds))
        }
        return nil
    }
}
