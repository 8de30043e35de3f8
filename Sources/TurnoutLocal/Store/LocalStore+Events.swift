import GRDB
import TurnoutCore

extension LocalStore {
    /// Appends events for a rollout at `time`, then deletes its oldest events beyond `eventLimit`; one transaction.
    public func record(_ events: [RolloutEvent], forRollout name: String, at time: Instant) throws {
        guard !events.isEmpty else { return }
        try write("record \(events.count) events of rollout \(namespace)/\(name)") { db in
            for event in events {
                try db.execute(sql: "INSERT INTO event (namespace, rollout, time, reason, message, isWarning) VALUES (?, ?, ?, ?, ?, ?)",
                               arguments: [namespace, name, time.secondsSinceEpoch, event.reason.rawValue, event.message, event.isWarning])
            }
            try db.execute(sql: """
                DELETE FROM event WHERE namespace = ? AND rollout = ? AND id <= (
                    SELECT id FROM event WHERE namespace = ? AND rollout = ? ORDER BY id DESC LIMIT 1 OFFSET ?
                )
                """, arguments: [namespace, name, namespace, name, eventLimit])
        }
    }

    /// The newest `limit` events of a rollout (all kept ones when `nil`), oldest first and newest last.
    public func events(forRollout name: String, limit: Int? = nil) throws -> [EventRecord] {
        let action = "list events of rollout \(namespace)/\(name)"
        return try read(action) { db in
            let rows = try Row.fetchAll(db, sql: "SELECT * FROM event WHERE namespace = ? AND rollout = ? ORDER BY id DESC LIMIT ?",
                                        arguments: [namespace, name, max(0, limit ?? Int(Int32.max))])
            return try rows.reversed().map { row in
                let reasonText: String = row["reason"]
                guard let reason = RolloutEventReason(rawValue: reasonText) else {
                    throw LocalStoreError.corruptRow(action: action, reason: "unknown event reason \(reasonText)")
                }
                return EventRecord(
                    sequence: row["id"], rollout: row["rollout"], time: Instant(secondsSinceEpoch: row["time"]),
                    event: RolloutEvent(reason, row["message"], isWarning: row["isWarning"])
                )
            }
        }
    }
}
