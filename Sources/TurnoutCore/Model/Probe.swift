/// A Kubernetes probe: how to tell whether a container is ready (or alive).
public struct Probe: Sendable, Hashable, Codable {
    /// An HTTP GET that must answer 200–399.
    public var httpGet: HTTPGetAction?
    /// A command that must exit 0.
    public var exec: ExecAction?
    /// A TCP connect that must succeed.
    public var tcpSocket: TCPSocketAction?
    /// A gRPC health check, kept as written.
    public var grpc: JSONValue?
    /// Seconds after start before the first probe.
    public var initialDelaySeconds: Int?
    /// Seconds between probes (Kubernetes default 10).
    public var periodSeconds: Int?
    /// Seconds before a probe times out (Kubernetes default 1).
    public var timeoutSeconds: Int?
    /// Consecutive successes to count as passing (default 1).
    public var successThreshold: Int?
    /// Consecutive failures to count as failing (default 3).
    public var failureThreshold: Int?
    /// Grace period override on liveness failure, kept as written.
    public var terminationGracePeriodSeconds: Int?

    /// Creates a probe.
    public init(httpGet: HTTPGetAction? = nil, exec: ExecAction? = nil, tcpSocket: TCPSocketAction? = nil) {
        self.httpGet = httpGet
        self.exec = exec
        self.tcpSocket = tcpSocket
    }
}

/// A port given by number or by a container port's name.
public enum PortReference: Sendable, Hashable, Codable {
    /// A port number.
    case number(Int)
    /// The name of a container port.
    case name(String)

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let number = try? container.decode(Int.self) {
            self = .number(number)
        } else {
            self = .name(try container.decode(String.self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .number(let number): try container.encode(number)
        case .name(let name): try container.encode(name)
        }
    }
}

/// An HTTP GET request used by a probe or hook.
public struct HTTPGetAction: Sendable, Hashable, Codable {
    /// The request path (default `/`).
    public var path: String?
    /// The port by number or name.
    public var port: PortReference
    /// The host to connect to (default the replica's address).
    public var host: String?
    /// `HTTP` (default) or `HTTPS`.
    public var scheme: String?
    /// Extra request headers.
    public var httpHeaders: [HTTPHeader]?

    /// Creates a GET action.
    public init(path: String? = nil, port: PortReference) {
        self.path = path
        self.port = port
    }
}

/// One HTTP header of a probe request.
public struct HTTPHeader: Sendable, Hashable, Codable {
    /// The header's name.
    public var name: String
    /// The header's value.
    public var value: String
}

/// A command run inside the container, as an argument vector (never a shell string).
public struct ExecAction: Sendable, Hashable, Codable {
    /// The argument vector.
    public var command: [String]?

    /// Creates an exec action.
    public init(command: [String]) {
        self.command = command
    }
}

/// A TCP connect used by a probe.
public struct TCPSocketAction: Sendable, Hashable, Codable {
    /// The port by number or name.
    public var port: PortReference
    /// The host (default the replica's address).
    public var host: String?
}

/// Container lifecycle hooks.
public struct Lifecycle: Sendable, Hashable, Codable {
    /// Run right after the container starts.
    public var postStart: LifecycleHandler?
    /// Run before the container is sent SIGTERM.
    public var preStop: LifecycleHandler?
}

/// What a lifecycle hook does.
public struct LifecycleHandler: Sendable, Hashable, Codable {
    /// Run a command.
    public var exec: ExecAction?
    /// Send an HTTP GET.
    public var httpGet: HTTPGetAction?
    /// Sleep for a number of seconds.
    public var sleep: SleepAction?
    /// Open a TCP connection (deprecated in Kubernetes), kept as written.
    public var tcpSocket: TCPSocketAction?
}

/// A sleep hook.
public struct SleepAction: Sendable, Hashable, Codable {
    /// Seconds to sleep.
    public var seconds: Int
}
