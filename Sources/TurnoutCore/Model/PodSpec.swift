/// The part of a Kubernetes pod spec Turnout uses; other valid pod fields are kept opaque.
public struct PodSpec: Sendable, Hashable {
    /// The containers of each replica.
    public var containers: [Container]
    /// Containers run to completion before the main ones start.
    public var initContainers: [Container]?
    /// Seconds between SIGTERM and SIGKILL when a replica stops (Kubernetes default 30).
    public var terminationGracePeriodSeconds: Int?
    /// Other Kubernetes pod fields (volumes, affinity, ...), kept as written.
    public var otherFields: [String: JSONValue]

    /// Creates a pod spec.
    public init(containers: [Container], initContainers: [Container]? = nil, terminationGracePeriodSeconds: Int? = nil, otherFields: [String: JSONValue] = [:]) {
        self.containers = containers
        self.initContainers = initContainers
        self.terminationGracePeriodSeconds = terminationGracePeriodSeconds
        self.otherFields = otherFields
    }

    /// Pod spec fields Kubernetes accepts that Turnout keeps without interpreting.
    static let opaqueFieldNames = [
        "activeDeadlineSeconds", "affinity", "automountServiceAccountToken", "dnsConfig", "dnsPolicy",
        "enableServiceLinks", "ephemeralContainers", "hostAliases", "hostIPC", "hostNetwork", "hostPID",
        "hostUsers", "hostname", "imagePullSecrets", "nodeName", "nodeSelector", "os", "overhead",
        "preemptionPolicy", "priority", "priorityClassName", "readinessGates", "resourceClaims", "resources",
        "restartPolicy", "runtimeClassName", "schedulerName", "schedulingGates", "securityContext",
        "serviceAccount", "serviceAccountName", "setHostnameAsFQDN", "shareProcessNamespace", "subdomain",
        "tolerations", "topologySpreadConstraints", "volumes",
    ]

    private enum CodingKeys: String, CodingKey {
        case containers, initContainers, terminationGracePeriodSeconds
    }
}

extension PodSpec: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        containers = try container.decode([Container].self, forKey: .containers)
        initContainers = try container.decodeIfPresent([Container].self, forKey: .initContainers)
        terminationGracePeriodSeconds = try container.decodeIfPresent(Int.self, forKey: .terminationGracePeriodSeconds)
        otherFields = try OpaqueFields.decode(Self.opaqueFieldNames, from: decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        try OpaqueFields.encode(otherFields, to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(containers, forKey: .containers)
        try container.encodeIfPresent(initContainers, forKey: .initContainers)
        try container.encodeIfPresent(terminationGracePeriodSeconds, forKey: .terminationGracePeriodSeconds)
    }
}
