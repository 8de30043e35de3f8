/// One container of a pod template: what to run and how to tell it is ready.
public struct Container: Sendable, Hashable {
    /// The container's name, unique in the pod.
    public var name: String
    /// The image reference, e.g. `argoproj/rollouts-demo:blue`.
    public var image: String?
    /// The entrypoint; replaces the image's.
    public var command: [String]?
    /// Arguments to the entrypoint; `$(VAR)` refers to an environment variable.
    public var args: [String]?
    /// Environment variables.
    public var env: [EnvVar]?
    /// Ports the container listens on.
    public var ports: [ContainerPort]?
    /// The working directory.
    public var workingDir: String?
    /// When the replica counts as ready to serve.
    public var readinessProbe: Probe?
    /// When the replica counts as alive.
    public var livenessProbe: Probe?
    /// When the replica has started.
    public var startupProbe: Probe?
    /// Hooks run around the container's lifetime.
    public var lifecycle: Lifecycle?
    /// CPU and memory requests and limits, kept opaque.
    public var resources: JSONValue?
    /// Kubernetes' image pull policy, kept as written.
    public var imagePullPolicy: String?
    /// Other Kubernetes container fields, kept as written.
    public var otherFields: [String: JSONValue]

    /// Creates a container.
    public init(name: String, image: String? = nil, command: [String]? = nil, args: [String]? = nil, env: [EnvVar]? = nil, ports: [ContainerPort]? = nil) {
        self.name = name
        self.image = image
        self.command = command
        self.args = args
        self.env = env
        self.ports = ports
        self.otherFields = [:]
    }

    /// Container fields Kubernetes accepts that Turnout keeps without interpreting.
    static let opaqueFieldNames = [
        "envFrom", "resizePolicy", "restartPolicy", "securityContext", "stdin", "stdinOnce",
        "terminationMessagePath", "terminationMessagePolicy", "tty", "volumeDevices", "volumeMounts",
    ]

    private enum CodingKeys: String, CodingKey {
        case name, image, command, args, env, ports, workingDir, readinessProbe, livenessProbe, startupProbe
        case lifecycle, resources, imagePullPolicy
    }
}

extension Container: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        image = try container.decodeIfPresent(String.self, forKey: .image)
        command = try container.decodeIfPresent([String].self, forKey: .command)
        args = try container.decodeIfPresent([String].self, forKey: .args)
        env = try container.decodeIfPresent([EnvVar].self, forKey: .env)
        ports = try container.decodeIfPresent([ContainerPort].self, forKey: .ports)
        workingDir = try container.decodeIfPresent(String.self, forKey: .workingDir)
        readinessProbe = try container.decodeIfPresent(Probe.self, forKey: .readinessProbe)
        livenessProbe = try container.decodeIfPresent(Probe.self, forKey: .livenessProbe)
        startupProbe = try container.decodeIfPresent(Probe.self, forKey: .startupProbe)
        lifecycle = try container.decodeIfPresent(Lifecycle.self, forKey: .lifecycle)
        resources = try container.decodeIfPresent(JSONValue.self, forKey: .resources)
        imagePullPolicy = try container.decodeIfPresent(String.self, forKey: .imagePullPolicy)
        otherFields = try OpaqueFields.decode(Self.opaqueFieldNames, from: decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        try OpaqueFields.encode(otherFields, to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encodeIfPresent(image, forKey: .image)
        try container.encodeIfPresent(command, forKey: .command)
        try container.encodeIfPresent(args, forKey: .args)
        try container.encodeIfPresent(env, forKey: .env)
        try container.encodeIfPresent(ports, forKey: .ports)
        try container.encodeIfPresent(workingDir, forKey: .workingDir)
        try container.encodeIfPresent(readinessProbe, forKey: .readinessProbe)
        try container.encodeIfPresent(livenessProbe, forKey: .livenessProbe)
        try container.encodeIfPresent(startupProbe, forKey: .startupProbe)
        try container.encodeIfPresent(lifecycle, forKey: .lifecycle)
        try container.encodeIfPresent(resources, forKey: .resources)
        try container.encodeIfPresent(imagePullPolicy, forKey: .imagePullPolicy)
    }
}

/// An environment variable: a literal value or a reference kept opaque.
public struct EnvVar: Sendable, Hashable, Codable {
    /// The variable's name.
    public var name: String
    /// The literal value; `$(OTHER)` expands earlier variables.
    public var value: String?
    /// A reference to a secret, config map or field, kept as written.
    public var valueFrom: JSONValue?

    /// Creates a variable with a literal value.
    public init(name: String, value: String?) {
        self.name = name
        self.value = value
    }
}

/// A port a container listens on.
public struct ContainerPort: Sendable, Hashable, Codable {
    /// The port number inside the container.
    public var containerPort: Int
    /// An optional name that probes and services can refer to.
    public var name: String?
    /// `TCP` (default), `UDP` or `SCTP`.
    public var `protocol`: String?
    /// A host port, kept as written.
    public var hostPort: Int?
    /// A host IP, kept as written.
    public var hostIP: String?

    /// Creates a port.
    public init(containerPort: Int, name: String? = nil) {
        self.containerPort = containerPort
        self.name = name
    }
}
