/// One revision with its replicas.
public struct RevisionView: Sendable, Codable, Hashable {
    /// The revision number.
    public var number: Int
    /// The pod-template hash.
    public var hash: String
    /// The images of its containers.
    public var images: [String]
    /// `stable`, `canary`, `preview`, `active` or empty.
    public var roles: [String]
    /// Desired replicas.
    public var replicas: Int
    /// Ready replicas.
    public var ready: Int
    /// Available replicas.
    public var available: Int
    /// When it scales down, if a delay runs (RFC 3339).
    public var scaleDownAt: String?
    /// Its replicas, processes or pods (the JSON key keeps the name `processes`).
    public var processes: [ReplicaView]

    /// Creates a revision view.
    public init(number: Int, hash: String, images: [String], roles: [String], replicas: Int, ready: Int, available: Int, scaleDownAt: String?, processes: [ReplicaView]) {
        self.number = number
        self.hash = hash
        self.images = images
        self.roles = roles
        self.replicas = replicas
        self.ready = ready
        self.available = available
        self.scaleDownAt = scaleDownAt
        self.processes = processes
    }
}
