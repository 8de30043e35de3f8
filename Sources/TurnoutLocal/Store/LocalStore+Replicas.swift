import GRDB
import TurnoutCore

extension LocalStore {
    /// Stores a replica record, replacing the one with the same rollout, revision and index.
    public func saveReplica(_ replica: ReplicaRecord) throws {
        try write("save replica \(replica.index) of revision \(replica.revisionHash) of rollout \(namespace)/\(replica.rollout)") { db in
            try db.execute(sql: """
                INSERT OR REPLACE INTO replica (namespace, rollout, revisionHash, replicaIndex, pid, port, startedAt, restartCount, launchID)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [namespace, replica.rollout, replica.revisionHash, replica.index, replica.pid.map { Int64($0) }, replica.port,
                                 replica.startedAt.secondsSinceEpoch, replica.restartCount, replica.launchID])
        }
    }

    /// The replica records of a rollout, by revision hash and index.
    public func replicas(ofRollout name: String) throws -> [ReplicaRecord] {
        try read("list replicas of rollout \(namespace)/\(name)") { db in
            try Row.fetchAll(db, sql: "SELECT * FROM replica WHERE namespace = ? AND rollout = ? ORDER BY revisionHash, replicaIndex", arguments: [namespace, name])
                .map(Self.replica)
        }
    }

    /// Every replica record of every rollout (including deleted rollouts), by rollout, revision hash and index.
    public func replicas() throws -> [ReplicaRecord] {
        try read("list replicas") { db in
            try Row.fetchAll(db, sql: "SELECT * FROM replica WHERE namespace = ? ORDER BY rollout, revisionHash, replicaIndex", arguments: [namespace])
                .map(Self.replica)
        }
    }

    /// Deletes one replica record; returns whether it existed.
    @discardableResult
    public func deleteReplica(rollout: String, revisionHash: String, index: Int) throws -> Bool {
        try write("delete replica \(index) of revision \(revisionHash) of rollout \(namespace)/\(rollout)") { db in
            try db.execute(sql: "DELETE FROM replica WHERE namespace = ? AND rollout = ? AND revisionHash = ? AND replicaIndex = ?",
                           arguments: [namespace, rollout, revisionHash, index])
            return db.changesCount > 0
        }
    }

    /// Deletes the replica records of one revision; returns how many there were.
    @discardableResult
    public func deleteReplicas(rollout: String, revisionHash: String) throws -> Int {
        try write("delete replicas of revision \(revisionHash) of rollout \(namespace)/\(rollout)") { db in
            try db.execute(sql: "DELETE FROM replica WHERE namespace = ? AND rollout = ? AND revisionHash = ?", arguments: [namespace, rollout, revisionHash])
            return db.changesCount
        }
    }

    private static func replica(_ row: Row) -> ReplicaRecord {
        ReplicaRecord(
            rollout: row["rollout"], revisionHash: row["revisionHash"], index: row["replicaIndex"],
            pid: (row["pid"] as Int64?).map { Int32(truncatingIfNeeded: $0) }, port: row["port"],
            startedAt: Instant(secondsSinceEpoch: row["startedAt"]), restartCount: row["restartCount"], launchID: row["launchID"]
        )
    }
}
