import GRDB
import TurnoutRuntime
import TurnoutCore

extension LocalStore {
    /// Stores a new analysis run; does nothing and returns `false` when a run with its name exists (idempotent).
    @discardableResult
    public func createAnalysisRun(_ record: AnalysisRunRecord) throws -> Bool {
        let action = "create analysis run \(namespace)/\(record.name)"
        guard !record.name.isEmpty else {
            throw LocalStoreError.invalidObject(reference: "AnalysisRun/", reason: "metadata.name is missing")
        }
        return try write(action) { db in
            guard try !Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM analysis_run WHERE namespace = ? AND name = ?)", arguments: [namespace, record.name])! else {
                return false
            }
            var run = record.run
            run.metadata.namespace = namespace
            if record.isTerminated { run.spec.terminate = true }
            try db.execute(sql: """
                INSERT INTO analysis_run (namespace, name, rollout, role, revisionHash, phase, isTerminated, run, createdAt, sequence)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, (SELECT COALESCE(MAX(sequence), 0) + 1 FROM analysis_run))
                """, arguments: [namespace, record.name, record.rollout, record.role.label, record.revisionHash, record.phase.rawValue,
                                 record.isTerminated, try JSONColumn.encode(run, action: action), record.createdAt.secondsSinceEpoch])
            return true
        }
    }

    /// The analysis run with a name; `nil` when there is none.
    public func analysisRun(named name: String) throws -> AnalysisRunRecord? {
        try read("read analysis run \(namespace)/\(name)") { db in
            try Row.fetchOne(db, sql: "SELECT * FROM analysis_run WHERE namespace = ? AND name = ?", arguments: [namespace, name]).map(analysisRun)
        }
    }

    /// The analysis runs of a rollout, oldest first.
    public func analysisRuns(ofRollout name: String) throws -> [AnalysisRunRecord] {
        try read("list analysis runs of rollout \(namespace)/\(name)") { db in
            try Row.fetchAll(db, sql: "SELECT * FROM analysis_run WHERE namespace = ? AND rollout = ? ORDER BY sequence", arguments: [namespace, name]).map(analysisRun)
        }
    }

    /// Replaces an analysis run's status (measurements and phase). Fails with `analysisRunNotFound` when it does not exist.
    public func updateAnalysisRunStatus(_ status: AnalysisRunStatus, ofRun name: String) throws {
        let action = "update status of"
        try write("\(action) analysis run \(namespace)/\(name)") { db in
            guard let record = try Row.fetchOne(db, sql: "SELECT * FROM analysis_run WHERE namespace = ? AND name = ?", arguments: [namespace, name]).map(analysisRun) else {
                throw LocalStoreError.analysisRunNotFound(action: action, run: "\(namespace)/\(name)")
            }
            var run = record.run
            run.status = status
            try db.execute(sql: "UPDATE analysis_run SET run = ?, phase = ? WHERE namespace = ? AND name = ?",
                           arguments: [try JSONColumn.encode(run, action: "\(action) analysis run \(namespace)/\(name)"), status.phase.rawValue, namespace, name])
        }
    }

    /// Marks an analysis run terminated (`spec.terminate`), keeping its results; returns `false` when it does not exist.
    @discardableResult
    public func terminateAnalysisRun(named name: String) throws -> Bool {
        let action = "terminate analysis run \(namespace)/\(name)"
        return try write(action) { db in
            guard let record = try Row.fetchOne(db, sql: "SELECT * FROM analysis_run WHERE namespace = ? AND name = ?", arguments: [namespace, name]).map(analysisRun) else {
                return false
            }
            guard !record.isTerminated else { return true }
            var run = record.run
            run.spec.terminate = true
            try db.execute(sql: "UPDATE analysis_run SET run = ?, isTerminated = 1 WHERE namespace = ? AND name = ?",
                           arguments: [try JSONColumn.encode(run, action: action), namespace, name])
            return true
        }
    }

    /// Deletes an analysis run (history beyond its limit); returns whether it existed.
    @discardableResult
    public func deleteAnalysisRun(named name: String) throws -> Bool {
        try write("delete analysis run \(namespace)/\(name)") { db in
            try db.execute(sql: "DELETE FROM analysis_run WHERE namespace = ? AND name = ?", arguments: [namespace, name])
            return db.changesCount > 0
        }
    }

    /// The record an `analysis_run` row holds.
    private func analysisRun(_ row: Row) throws -> AnalysisRunRecord {
        let name: String = row["name"]
        let action = "read analysis run \(namespace)/\(name)"
        let label: String = row["role"]
        guard let role = AnalysisRunRole(label: label) else {
            throw LocalStoreError.corruptRow(action: action, reason: "unknown role \(label)")
        }
        return AnalysisRunRecord(
            rollout: row["rollout"], role: role, revisionHash: row["revisionHash"],
            run: try JSONColumn.decode(AnalysisRun.self, from: row["run"], action: action),
            isTerminated: row["isTerminated"], createdAt: Instant(secondsSinceEpoch: row["createdAt"])
        )
    }
}
