import Foundation
import GRDB
import TurnoutCore

extension LocalStore {
    /// Applies objects as `kubectl apply` does, all or nothing: each is created, configured or unchanged.
    ///
    /// Names, namespaces and duplicates are checked before anything is written; any failure (a bad object,
    /// a value that cannot be stored, a database error) leaves every object as it was. A Rollout keeps its
    /// status; its `metadata.generation` is bumped when its spec changes. Status written in a manifest and
    /// server-assigned metadata (`resourceVersion`, `generation`, `uid`, `creationTimestamp`) are ignored.
    /// Outcomes are in the order of `objects`.
    public func apply(_ objects: [ManifestObject]) throws -> [ApplyOutcome] {
        try validate(objects)
        return try write("apply \(objects.count) objects") { db in
            try objects.map { try apply(StoredObject($0, namespace: namespace), in: db) }
        }
    }

    /// Deletes an object by kind and name; returns whether it existed. Runtime state of a deleted rollout
    /// (revisions, replicas, runs, events) stays until `purgeRuntimeState(ofRollout:)`.
    @discardableResult
    public func delete(kind: String, name: String) throws -> Bool {
        try write("delete \(kind)/\(name)") { db in
            try db.execute(sql: "DELETE FROM object WHERE kind = ? AND namespace = ? AND name = ?", arguments: [kind, scope(of: kind), name])
            return db.changesCount > 0
        }
    }

    /// Every stored object of a kind, by name, with status and server-assigned metadata.
    public func objects(kind: String) throws -> [ManifestObject] {
        try read("list \(kind) objects") { db in
            try Row.fetchAll(db, sql: "SELECT * FROM object WHERE kind = ? ORDER BY namespace, name", arguments: [kind]).map(manifestObject)
        }
    }

    /// The stored object with a kind and name; `nil` when there is none.
    public func object(kind: String, name: String) throws -> ManifestObject? {
        try read("read \(kind)/\(name)") { db in
            try fetchObjectRow(kind: kind, name: name, in: db).map(manifestObject)
        }
    }

    /// Every rollout, by name, with its status.
    public func rollouts() throws -> [Rollout] {
        try objects(kind: "Rollout").compactMap { object in
            if case .rollout(let rollout) = object { return rollout } else { return nil }
        }
    }

    /// The namespace a kind's objects are kept in: `""` for cluster-scoped kinds, else the store's.
    func scope(of kind: String) -> String {
        StoredObject.clusterScopedKinds.contains(kind) ? "" : namespace
    }

    /// The `object` row of a kind and name, if any.
    func fetchObjectRow(kind: String, name: String, in db: Database) throws -> Row? {
        try Row.fetchOne(db, sql: "SELECT * FROM object WHERE kind = ? AND namespace = ? AND name = ?", arguments: [kind, scope(of: kind), name])
    }

    /// The object an `object` row holds, with its status and server-assigned metadata.
    func manifestObject(_ row: Row) throws -> ManifestObject {
        let kind: String = row["kind"]
        let namespace: String = row["namespace"]
        let name: String = row["name"]
        let reference = "\(kind) \(namespace.isEmpty ? "" : namespace + "/")\(name)"
        var metadata = ObjectMeta()
        metadata.namespace = namespace.isEmpty ? nil : namespace
        metadata.generation = row["generation"]
        metadata.resourceVersion = String(row["version"] as Int)
        metadata.uid = row["uid"]
        metadata.creationTimestamp = Instant(secondsSinceEpoch: row["createdAt"]).rfc3339
        func stamped(_ stored: ObjectMeta) -> ObjectMeta {
            var stamped = stored
            stamped.namespace = metadata.namespace
            stamped.generation = metadata.generation
            stamped.resourceVersion = metadata.resourceVersion
            stamped.uid = metadata.uid
            stamped.creationTimestamp = metadata.creationTimestamp
            return stamped
        }
        switch try StoredObject.manifestObject(kind: kind, document: row["document"], reference: reference) {
        case .rollout(var rollout):
            rollout.metadata = stamped(rollout.metadata)
            if let status: String = row["status"] {
                rollout.status = try JSONColumn.decode(RolloutStatus.self, from: status, action: "read status of \(reference)")
            }
            return .rollout(rollout)
        case .analysisTemplate(var template):
            template.metadata = stamped(template.metadata)
            return .analysisTemplate(template)
        case .analysisRun(var run):
            run.metadata = stamped(run.metadata)
            return .analysisRun(run)
        case .other(var other):
            other.metadata = stamped(other.metadata)
            return .other(other)
        }
    }

    /// Rejects objects without a name, in another namespace, or applied twice; writes nothing.
    private func validate(_ objects: [ManifestObject]) throws {
        var seen: Set<String> = []
        for object in objects {
            let (kind, metadata) = Self.identity(of: object)
            let name = metadata.name ?? ""
            let reference = object.reference
            guard !kind.isEmpty else { throw LocalStoreError.invalidObject(reference: reference, reason: "kind is empty") }
            guard !name.isEmpty else { throw LocalStoreError.invalidObject(reference: reference, reason: "metadata.name is missing") }
            if let given = metadata.namespace, !given.isEmpty, given != namespace, !StoredObject.clusterScopedKinds.contains(kind) {
                throw LocalStoreError.unsupportedNamespace(reference: reference, namespace: given, supported: namespace)
            }
            guard seen.insert("\(kind)/\(name)").inserted else { throw LocalStoreError.duplicateObject(reference: reference) }
        }
    }

    /// An object's kind and metadata.
    private static func identity(of object: ManifestObject) -> (kind: String, metadata: ObjectMeta) {
        switch object {
        case .rollout(let rollout): return ("Rollout", rollout.metadata)
        case .analysisTemplate(let template): return (template.kind, template.metadata)
        case .analysisRun(let run): return ("AnalysisRun", run.metadata)
        case .other(let other): return (other.kind, other.metadata)
        }
    }

    /// Creates or updates one object's row inside the apply's transaction.
    private func apply(_ object: StoredObject, in db: Database) throws -> ApplyOutcome {
        let now = self.now
        guard let row = try Row.fetchOne(db, sql: "SELECT document, generation, version FROM object WHERE kind = ? AND namespace = ? AND name = ?", arguments: [object.kind, object.namespace, object.name]) else {
            try db.execute(sql: """
                INSERT INTO object (kind, namespace, name, apiVersion, uid, document, status, generation, version, createdAt, updatedAt)
                VALUES (?, ?, ?, ?, ?, ?, NULL, 1, 1, ?, ?)
                """, arguments: [object.kind, object.namespace, object.name, object.apiVersion, UUID().uuidString.lowercased(), object.document, now, now])
            return ApplyOutcome(kind: object.kind, name: object.name, result: .created, generation: 1)
        }
        let storedDocument: String = row["document"]
        let generation: Int = row["generation"]
        guard storedDocument != object.document else {
            return ApplyOutcome(kind: object.kind, name: object.name, result: .unchanged, generation: generation)
        }
        let storedSpec = try StoredObject.spec(ofDocument: storedDocument, kind: object.kind, reference: object.reference)
        let newGeneration = storedSpec == object.spec ? generation : generation + 1
        try db.execute(sql: """
            UPDATE object SET apiVersion = ?, document = ?, generation = ?, version = version + 1, updatedAt = ?
            WHERE kind = ? AND namespace = ? AND name = ?
            """, arguments: [object.apiVersion, object.document, newGeneration, now, object.kind, object.namespace, object.name])
        return ApplyOutcome(kind: object.kind, name: object.name, result: .configured, generation: newGeneration)
    }
}
