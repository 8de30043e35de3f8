/// One replica of a revision: a process on a single host or a pod on a cluster.
///
/// JSON: `kind` is `Process` or `Pod` (an answer without it describes a process, as before the field existed);
/// `address`, `pid`, `name` and `node` appear only when the runtime knows them.
public struct ReplicaView: Sendable, Codable, Hashable {
    /// A process or a pod.
    public var kind: ReplicaKind
    /// Its index in the revision (for pods, its position among the revision's pods by name).
    public var index: Int
    /// The pod's name; `nil` for a process, which is named by its revision and index.
    public var name: String?
    /// Where it accepts traffic: `127.0.0.1:PORT` for a process, `POD-IP:PORT` for a pod once it has an address.
    public var address: String?
    /// Its process id, while a process runs; `nil` for pods.
    public var pid: Int32?
    /// The node a pod is scheduled on; `nil` for processes and unscheduled pods.
    public var node: String?
    /// Whether it passes readiness.
    public var isReady: Bool
    /// Whether it is draining before stopping.
    public var isTerminating: Bool
    /// How often it was restarted after crashing.
    public var restarts: Int

    /// Creates a replica view; the defaults describe a process.
    public init(
        kind: ReplicaKind = .process, index: Int, name: String? = nil, address: String?, pid: Int32? = nil, node: String? = nil,
        isReady: Bool, isTerminating: Bool, restarts: Int
    ) {
        self.kind = kind
        self.index = index
        self.name = name
        self.address = address
        self.pid = pid
        self.node = node
        self.isReady = isReady
        self.isTerminating = isTerminating
        self.restarts = restarts
    }

    private enum CodingKeys: String, CodingKey {
        case kind, index, name, address, pid, node, isReady, isTerminating, restarts
    }

    /// Decodes a replica; one without `kind` is a process.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        kind = try container.decodeIfPresent(ReplicaKind.self, forKey: .kind) ?? .process
        index = try container.decode(Int.self, forKey: .index)
        name = try container.decodeIfPresent(String.self, forKey: .name)
        address = try container.decodeIfPresent(String.self, forKey: .address)
        pid = try container.decodeIfPresent(Int32.self, forKey: .pid)
        node = try container.decodeIfPresent(String.self, forKey: .node)
        isReady = try container.decode(Bool.self, forKey: .isReady)
        isTerminating = try container.decode(Bool.self, forKey: .isTerminating)
        restarts = try container.decode(Int.self, forKey: .restarts)
    }
}
