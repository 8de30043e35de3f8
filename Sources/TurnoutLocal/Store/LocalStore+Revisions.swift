import GRDB
import TurnoutCore

extension LocalStore {
    /// Replaces the desired revisions of a rollout with `targets` (an empty list removes them all); one transaction.
    public func saveRevisionTargets(_ targets: [RevisionTarget], forRollout name: String) throws {
        let action = "save revision targets of rollout \(namespace)/\(name)"
        try write(action) { db in
            try db.execute(sql: "DELETE FROM revision_target WHERE namespace = ? AND rollout = ?", arguments: [namespace, name])
            for target in targets {
                try db.execute(sql: """
                    INSERT INTO revision_target (namespace, rollout, hash, number, template, replicas, scaleDownAt, restartAt)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [namespace, name, target.hash, target.number, try JSONColumn.encode(target.template, action: action),
                                     target.replicas, target.scaleDownAt?.secondsSinceEpoch, target.restartAt])
            }
        }
    }

    /// The desired revisions of a rollout, oldest (lowest number) first; empty when none were saved.
    public func revisionTargets(forRollout name: String) throws -> [RevisionTarget] {
        let action = "read revision targets of rollout \(namespace)/\(name)"
        return try read(action) { db in
            try Row.fetchAll(db, sql: "SELECT * FROM revision_target WHERE namespace = ? AND rollout = ? ORDER BY number, hash", arguments: [namespace, name]).map { row in
                RevisionTarget(
                    hash: row["hash"], number: row["number"],
                    template: try JSONColumn.decode(PodTemplate.self, from: row["template"], action: action),
                    replicas: row["replicas"],
                    scaleDownAt: (row["scaleDownAt"] as Double?).map(Instant.init(secondsSinceEpoch:)),
                    restartAt: row["restartAt"]
                )
            }
        }
    }

    /// Replaces the traffic a rollout should have; `nil` forgets it.
    public func saveDesiredTraffic(_ traffic: TrafficState?, forRollout name: String) throws {
        let action = "save desired traffic of rollout \(namespace)/\(name)"
        try write(action) { db in
            guard let traffic else {
                try db.execute(sql: "DELETE FROM desired_traffic WHERE namespace = ? AND rollout = ?", arguments: [namespace, name])
                return
            }
            try db.execute(sql: "INSERT OR REPLACE INTO desired_traffic (namespace, rollout, traffic) VALUES (?, ?, ?)",
                           arguments: [namespace, name, try JSONColumn.encode(traffic, action: action)])
        }
    }

    /// The traffic a rollout should have; `nil` when none was saved.
    public func desiredTraffic(forRollout name: String) throws -> TrafficState? {
        let action = "read desired traffic of rollout \(namespace)/\(name)"
        return try read(action) { db in
            try String.fetchOne(db, sql: "SELECT traffic FROM desired_traffic WHERE namespace = ? AND rollout = ?", arguments: [namespace, name])
                .map { try JSONColumn.decode(TrafficState.self, from: $0, action: action) }
        }
    }

    /// Forgets everything the runtime keeps for a rollout: revision targets, desired traffic, replica records,
    /// analysis runs and events; one transaction. For after its processes are stopped.
    public func purgeRuntimeState(ofRollout name: String) throws {
        try write("forget runtime state of rollout \(namespace)/\(name)") { db in
            for table in ["revision_target", "desired_traffic", "replica", "analysis_run", "event"] {
                try db.execute(sql: "DELETE FROM \(table) WHERE namespace = ? AND rollout = ?", arguments: [namespace, name])
            }
        }
    }
}
