import GRDB
import TurnoutCore
import TurnoutRuntime

extension LocalStore: RolloutStore {
    /// The key of the object with a name in the store's one namespace.
    public func key(named name: String) -> ObjectKey {
        ObjectKey(namespace: namespace, name: name)
    }

    /// Whether a key names the store's one namespace; every other namespace is empty on the single host.
    public func holds(_ key: ObjectKey) -> Bool {
        key.namespace == namespace
    }

    /// The rollout with a key; `nil` when there is none or the key names another namespace.
    public func rollout(_ key: RolloutKey) throws -> Rollout? {
        guard holds(key) else { return nil }
        return try rollout(named: key.name)
    }

    /// The template with a key (a cluster-scoped one by name alone); `nil` when there is none.
    public func analysisTemplate(_ key: ObjectKey, clusterScoped: Bool) throws -> AnalysisTemplate? {
        guard clusterScoped || holds(key) else { return nil }
        return try analysisTemplate(named: key.name, clusterScoped: clusterScoped)
    }

    /// Replaces the status of the rollout with a key, as `saveStatus(_:ofRollout:expectedResourceVersion:)`
    /// does; returns the rollout as stored afterwards. A key in another namespace is `rolloutNotFound`.
    @discardableResult
    public func saveStatus(_ status: RolloutStatus, of key: RolloutKey, expectedResourceVersion: String?) throws -> Rollout {
        guard holds(key) else { throw LocalStoreError.rolloutNotFound(action: "save status of", rollout: key.description) }
        return try saveStatus(status, ofRollout: key.name, expectedResourceVersion: expectedResourceVersion)
    }

    /// Appends events for the rollout with a key; a key in another namespace is `rolloutNotFound`.
    public func record(_ events: [RolloutEvent], for key: RolloutKey, at time: Instant) throws {
        guard holds(key) else { throw LocalStoreError.rolloutNotFound(action: "record events of", rollout: key.description) }
        try record(events, forRollout: key.name, at: time)
    }

    /// The rollout with a name, with its status, generation and resourceVersion; `nil` when there is none.
    public func rollout(named name: String) throws -> Rollout? {
        guard case .rollout(let rollout)? = try object(kind: "Rollout", name: name) else { return nil }
        return rollout
    }

    /// The AnalysisTemplate (or, when `clusterScoped`, ClusterAnalysisTemplate) with a name; `nil` when there is none.
    public func analysisTemplate(named name: String, clusterScoped: Bool) throws -> AnalysisTemplate? {
        guard case .analysisTemplate(let template)? = try object(kind: clusterScoped ? "ClusterAnalysisTemplate" : "AnalysisTemplate", name: name) else { return nil }
        return template
    }

    /// Replaces the rollout's status, never its spec.
    ///
    /// Fails with a retryable `conflict` and writes nothing when `status.observedGeneration` is set and differs
    /// from the stored generation: the spec was changed after the status was computed. A status equal to the
    /// stored one writes nothing. Fails with `rolloutNotFound` when the rollout is gone.
    @discardableResult
    public func saveStatus(_ status: RolloutStatus, ofRollout name: String) throws -> Rollout {
        try saveStatus(status, ofRollout: name, expectedResourceVersion: nil)
    }

    /// Replaces the rollout's status, never its spec, when the rollout is still at `expectedResourceVersion`.
    ///
    /// Fails with a retryable `conflict` and writes nothing when the rollout's resourceVersion is not
    /// `expectedResourceVersion` (any write since it was read, status included), or when
    /// `status.observedGeneration` is set and differs from the stored generation. A status equal to the stored
    /// one writes nothing and keeps the version. Returns the rollout as stored afterwards.
    @discardableResult
    public func saveStatus(_ status: RolloutStatus, ofRollout name: String, expectedResourceVersion: String?) throws -> Rollout {
        let action = "save status of"
        let reference = "\(namespace)/\(name)"
        return try write("\(action) rollout \(reference)") { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT status, generation, version FROM object WHERE kind = 'Rollout' AND namespace = ? AND name = ?", arguments: [namespace, name]) else {
                throw LocalStoreError.rolloutNotFound(action: action, rollout: reference)
            }
            let version: Int = row["version"]
            let generation: Int = row["generation"]
            if let expectedResourceVersion, expectedResourceVersion != String(version) {
                throw LocalStoreError.conflict(action: action, rollout: reference, reason: "it is at resourceVersion \(version), the status was computed from resourceVersion \(expectedResourceVersion)")
            }
            if let observed = status.observedGeneration, observed != generation {
                throw LocalStoreError.conflict(action: action, rollout: reference, reason: "its spec is at generation \(generation), the status describes generation \(observed)")
            }
            let text = try JSONColumn.encode(status, action: "\(action) rollout \(reference)")
            if text != row["status"] as String? {
                try db.execute(sql: "UPDATE object SET status = ?, version = version + 1, updatedAt = ? WHERE kind = 'Rollout' AND namespace = ? AND name = ? AND version = ?",
                               arguments: [text, now, namespace, name, version])
            }
            guard let updated = try fetchObjectRow(kind: "Rollout", name: name, in: db), case .rollout(let stored) = try manifestObject(updated) else {
                throw LocalStoreError.rolloutNotFound(action: action, rollout: reference)
            }
            return stored
        }
    }

    /// Reads a rollout, lets `change` edit its spec and status, and writes both back in one transaction.
    ///
    /// For operations (pause, promote, abort, set image ...). The generation is bumped when the spec changed;
    /// nothing is written when nothing changed. Changes to the name and server-assigned metadata are ignored.
    /// Fails with `rolloutNotFound` when there is no such rollout, with a retryable `conflict` when
    /// `expectedResourceVersion` is given and the rollout is at another version; an error thrown by `change`
    /// is rethrown as it is, and nothing is written. Returns the rollout as stored afterwards.
    @discardableResult
    public func modifyRollout(named name: String, expectedResourceVersion: String? = nil, _ change: (inout Rollout) throws -> Void) throws -> Rollout {
        let action = "change"
        let reference = "\(namespace)/\(name)"
        return try write("\(action) rollout \(reference)") { db in
            guard let row = try fetchObjectRow(kind: "Rollout", name: name, in: db), case .rollout(var rollout) = try manifestObject(row) else {
                throw LocalStoreError.rolloutNotFound(action: action, rollout: reference)
            }
            let version: Int = row["version"]
            if let expectedResourceVersion, expectedResourceVersion != String(version) {
                throw LocalStoreError.conflict(action: action, rollout: reference, reason: "it is at resourceVersion \(version), not \(expectedResourceVersion)")
            }
            let before = rollout
            try change(&rollout)
            rollout.metadata.name = name
            let changed = try StoredObject(.rollout(rollout), namespace: namespace)
            let storedDocument: String = row["document"]
            let status = try rollout.status.map { try JSONColumn.encode($0, action: "\(action) rollout \(reference)") }
            guard changed.document != storedDocument || status != row["status"] as String? else { return before }
            let storedSpec = try StoredObject.spec(ofDocument: storedDocument, kind: "Rollout", reference: changed.reference)
            let generation: Int = row["generation"]
            try db.execute(sql: """
                UPDATE object SET apiVersion = ?, document = ?, status = ?, generation = ?, version = version + 1, updatedAt = ?
                WHERE kind = 'Rollout' AND namespace = ? AND name = ?
                """, arguments: [changed.apiVersion, changed.document, status, storedSpec == changed.spec ? generation : generation + 1, now, namespace, name])
            guard let updated = try fetchObjectRow(kind: "Rollout", name: name, in: db), case .rollout(let stored) = try manifestObject(updated) else {
                throw LocalStoreError.rolloutNotFound(action: action, rollout: reference)
            }
            return stored
        }
    }
}
