import Foundation

/// What the supervisor adds to every replica's environment so that a later daemon can tell its replicas from
/// any other process, even when their pids were never recorded: the state directory whose daemon started it
/// and the id of this launch (also written in the replica's record, before the process starts).
struct ReplicaMarker: Sendable, Hashable {
    /// The variable naming the state directory whose daemon started the process.
    static let ownerVariable = "TURNOUT_STATE_DIR"
    /// The variable holding the launch id.
    static let launchVariable = "TURNOUT_REPLICA_LAUNCH"

    /// The state directory's path, symlinks resolved.
    let owner: String
    /// Unique to one start of one process.
    let launchID: String

    /// A marker for a new launch by the daemon of `owner`.
    static func newLaunch(owner: String) -> ReplicaMarker {
        ReplicaMarker(owner: owner, launchID: UUID().uuidString.lowercased())
    }

    /// The marker in an environment, `nil` unless it has both variables.
    init?(environment: [String: String]) {
        guard let owner = environment[Self.ownerVariable], let launchID = environment[Self.launchVariable], !launchID.isEmpty else { return nil }
        self.init(owner: owner, launchID: launchID)
    }

    /// A marker from its parts.
    init(owner: String, launchID: String) {
        self.owner = owner
        self.launchID = launchID
    }

    /// `environment` with the marker's variables set.
    func applied(to environment: [String: String]) -> [String: String] {
        environment.merging([Self.ownerVariable: owner, Self.launchVariable: launchID]) { _, marker in marker }
    }
}
