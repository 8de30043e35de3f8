import GRDB

/// The store's tables, created and upgraded by numbered migrations; a migration never changes once released.
///
/// - `object`: applied objects by kind, namespace (`""` for cluster-scoped kinds) and name. `document` is the
///   object as applied without status and server-assigned metadata; `status` is the engine's (Rollouts only);
///   `generation` counts spec changes; `version` counts every write to the row (optimistic concurrency).
/// - `revision_target`: the desired revisions of each rollout.
/// - `desired_traffic`: the traffic each rollout should have.
/// - `replica`: the local processes of each revision; `launchID` (v3) is written before the process starts and
///   put in its environment, so a restarted daemon finds the process even when its pid was never recorded.
/// - `analysis_run`: the analysis runs the runtime started, with their status.
/// - `event`: what happened to each rollout, in order (`id` increases).
/// - `listener`: the address each proxy listener was bound to, so a restarted daemon keeps its ports.
enum StoreSchema {
    /// The migrator that brings any older database to the current schema.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: objects, runtime state, events") { db in
            try db.execute(sql: """
                CREATE TABLE object (
                    kind TEXT NOT NULL,
                    namespace TEXT NOT NULL,
                    name TEXT NOT NULL,
                    apiVersion TEXT NOT NULL,
                    uid TEXT NOT NULL,
                    document TEXT NOT NULL,
                    status TEXT,
                    generation INTEGER NOT NULL CHECK (generation >= 1),
                    version INTEGER NOT NULL CHECK (version >= 1),
                    createdAt REAL NOT NULL,
                    updatedAt REAL NOT NULL,
                    PRIMARY KEY (kind, namespace, name)
                ) WITHOUT ROWID;

                CREATE TABLE revision_target (
                    namespace TEXT NOT NULL,
                    rollout TEXT NOT NULL,
                    hash TEXT NOT NULL,
                    number INTEGER NOT NULL,
                    template TEXT NOT NULL,
                    replicas INTEGER NOT NULL CHECK (replicas >= 0),
                    scaleDownAt REAL,
                    restartAt TEXT,
                    PRIMARY KEY (namespace, rollout, hash)
                ) WITHOUT ROWID;

                CREATE TABLE desired_traffic (
                    namespace TEXT NOT NULL,
                    rollout TEXT NOT NULL,
                    traffic TEXT NOT NULL,
                    PRIMARY KEY (namespace, rollout)
                ) WITHOUT ROWID;

                CREATE TABLE replica (
                    namespace TEXT NOT NULL,
                    rollout TEXT NOT NULL,
                    revisionHash TEXT NOT NULL,
                    replicaIndex INTEGER NOT NULL CHECK (replicaIndex >= 0),
                    pid INTEGER,
                    port INTEGER NOT NULL,
                    startedAt REAL NOT NULL,
                    restartCount INTEGER NOT NULL DEFAULT 0,
                    PRIMARY KEY (namespace, rollout, revisionHash, replicaIndex)
                ) WITHOUT ROWID;

                CREATE TABLE analysis_run (
                    namespace TEXT NOT NULL,
                    name TEXT NOT NULL,
                    rollout TEXT NOT NULL,
                    role TEXT NOT NULL,
                    revisionHash TEXT NOT NULL,
                    phase TEXT NOT NULL,
                    isTerminated INTEGER NOT NULL DEFAULT 0,
                    run TEXT NOT NULL,
                    createdAt REAL NOT NULL,
                    sequence INTEGER NOT NULL,
                    PRIMARY KEY (namespace, name)
                ) WITHOUT ROWID;
                CREATE INDEX analysis_run_by_rollout ON analysis_run (namespace, rollout, sequence);

                CREATE TABLE event (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    namespace TEXT NOT NULL,
                    rollout TEXT NOT NULL,
                    time REAL NOT NULL,
                    reason TEXT NOT NULL,
                    message TEXT NOT NULL,
                    isWarning INTEGER NOT NULL
                );
                CREATE INDEX event_by_rollout ON event (namespace, rollout, id);
                """)
        }
        migrator.registerMigration("v2: listener addresses") { db in
            try db.execute(sql: """
                CREATE TABLE listener (
                    name TEXT PRIMARY KEY NOT NULL,
                    host TEXT NOT NULL,
                    port INTEGER NOT NULL CHECK (port > 0 AND port < 65536)
                ) WITHOUT ROWID;
                """)
        }
        migrator.registerMigration("v3: replica launch identity") { db in
            try db.execute(sql: "ALTER TABLE replica ADD COLUMN launchID TEXT")
        }
        return migrator
    }
}
