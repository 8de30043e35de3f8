import TurnoutCore

/// How and how often a replica's readiness is probed, resolved from a container's `readinessProbe` for a local process.
public struct ReadinessCheck: Sendable, Hashable {
    /// What one probe does.
    public enum Action: Sendable, Hashable {
        /// `GET path` on the replica's port must answer 200–399.
        case httpGet(path: String, headers: [HTTPHeader])
        /// The argument vector, run with the replica's environment, must exit 0.
        case exec([String])
        /// A TCP connection to the replica's port must open (a `tcpSocket` probe, or no probe at all).
        case tcpConnect
    }

    /// What one probe does.
    public var action: Action
    /// Seconds after start before the first probe.
    public var initialDelaySeconds: Double
    /// Seconds between probes.
    public var periodSeconds: Double
    /// Seconds before one probe counts as failed.
    public var timeoutSeconds: Double
    /// Consecutive passes that make a not-ready replica ready.
    public var successThreshold: Int
    /// Consecutive failures that make a ready replica not ready.
    public var failureThreshold: Int

    /// Creates a check.
    public init(action: Action, initialDelaySeconds: Double = 0, periodSeconds: Double = 1, timeoutSeconds: Double = 1, successThreshold: Int = 1, failureThreshold: Int = 3) {
        self.action = action
        self.initialDelaySeconds = initialDelaySeconds
        self.periodSeconds = periodSeconds
        self.timeoutSeconds = timeoutSeconds
        self.successThreshold = successThreshold
        self.failureThreshold = failureThreshold
    }

    /// The check for a container: its `readinessProbe`, else "the port accepts connections"; fields not given
    /// take Kubernetes' defaults except the period, which is `defaultPeriodSeconds`. Every probe port (number
    /// or name) means the replica's one port.
    public static func resolve(_ probe: Probe?, container: String, defaultPeriodSeconds: Double) throws(ProcessSupervisorError) -> ReadinessCheck {
        guard let probe else {
            return ReadinessCheck(action: .tcpConnect, periodSeconds: defaultPeriodSeconds)
        }
        let action: Action
        if let httpGet = probe.httpGet {
            if let scheme = httpGet.scheme, scheme.uppercased() != "HTTP" {
                throw .unsupportedProbe(container: container, field: "readinessProbe.httpGet.scheme", reason: "\(scheme) is not supported by the single-host runtime; use HTTP, tcpSocket or exec")
            }
            action = .httpGet(path: Self.path(httpGet.path), headers: httpGet.httpHeaders ?? [])
        } else if let exec = probe.exec {
            guard let command = exec.command, !command.isEmpty else {
                throw .unsupportedProbe(container: container, field: "readinessProbe.exec.command", reason: "the command is empty; give an argument vector such as [cat, /tmp/ready]")
            }
            action = .exec(command)
        } else if probe.grpc != nil {
            throw .unsupportedProbe(container: container, field: "readinessProbe.grpc", reason: "gRPC probes are not supported by the single-host runtime; use httpGet, tcpSocket or exec")
        } else {
            action = .tcpConnect
        }
        return ReadinessCheck(
            action: action,
            initialDelaySeconds: Double(max(0, probe.initialDelaySeconds ?? 0)),
            periodSeconds: probe.periodSeconds.map { Double(max(1, $0)) } ?? defaultPeriodSeconds,
            timeoutSeconds: Double(max(1, probe.timeoutSeconds ?? 1)),
            successThreshold: max(1, probe.successThreshold ?? 1),
            failureThreshold: max(1, probe.failureThreshold ?? 3)
        )
    }

    /// A request path, `/` when empty, with a leading slash.
    static func path(_ path: String?) -> String {
        guard let path, !path.isEmpty else { return "/" }
        return path.hasPrefix("/") ? path : "/" + path
    }
}
