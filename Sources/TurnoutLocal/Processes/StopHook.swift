import TurnoutCore

/// What a container's `lifecycle.preStop` does before the replica is sent SIGTERM.
public enum StopHook: Sendable, Hashable {
    /// Run the argument vector with the replica's environment and wait for it.
    case exec([String])
    /// Wait a number of seconds.
    case sleep(seconds: Double)
    /// `GET path` on the replica's port.
    case httpGet(path: String, headers: [HTTPHeader])

    /// The hook of a container's `lifecycle.preStop`; `nil` when it has none.
    public static func resolve(_ handler: LifecycleHandler?, container: String) throws(ProcessSupervisorError) -> StopHook? {
        guard let handler else { return nil }
        if let exec = handler.exec {
            guard let command = exec.command, !command.isEmpty else {
                throw .unsupportedProbe(container: container, field: "lifecycle.preStop.exec.command", reason: "the command is empty; give an argument vector such as [sleep, \"5\"]")
            }
            return .exec(command)
        }
        if let sleep = handler.sleep {
            return .sleep(seconds: Double(max(0, sleep.seconds)))
        }
        if let httpGet = handler.httpGet {
            if let scheme = httpGet.scheme, scheme.uppercased() != "HTTP" {
                throw .unsupportedProbe(container: container, field: "lifecycle.preStop.httpGet.scheme", reason: "\(scheme) is not supported by the single-host runtime; use HTTP, exec or sleep")
            }
            return .httpGet(path: ReadinessCheck.path(httpGet.path), headers: httpGet.httpHeaders ?? [])
        }
        if handler.tcpSocket != nil {
            throw .unsupportedProbe(container: container, field: "lifecycle.preStop.tcpSocket", reason: "tcpSocket hooks are deprecated and not run; use exec, sleep or httpGet")
        }
        return nil
    }
}
