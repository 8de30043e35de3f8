import Foundation
import GRDB
import TurnoutCore
import TurnoutRuntime

/// The single-host runtime's state: applied objects, rollout status, the runtime's desired world, replicas,
/// analysis runs and events, in one SQLite database (WAL) in the state directory.
///
/// Contract: every public write is one transaction: after it returns the change is on disk, and a crash
/// (the process killed at any moment) leaves the database with either all of it or none of it. Writes are
/// serialized; reads run concurrently and see the last committed state. Rollout rows carry a version
/// (`metadata.resourceVersion`) that every write to the row increments and a generation
/// (`metadata.generation`) that only spec changes increment; status writes never touch the spec. Errors are
/// `LocalStoreError`; `isRetryable` says when reading again and retrying may succeed. Everything lives in
/// one namespace (`namespace`), plus `""` for cluster-scoped kinds.
public final class LocalStore: Sendable {
    /// The database file's name inside the state directory.
    public static let databaseFileName = "state.sqlite"
    /// Events kept per rollout unless told otherwise.
    public static let defaultEventLimit = 1_000

    /// The state directory.
    public let directory: URL
    /// The one namespace objects live in.
    public let namespace: String
    /// The most events kept per rollout; older ones are deleted as new ones are recorded.
    public let eventLimit: Int
    /// The database.
    let pool: DatabasePool
    /// Stamps creation and update times.
    let clock: any InstantClock

    /// Opens (creating when missing) the store in `directory`, which is created with permissions 0700 when it
    /// does not exist, and brings the schema up to date.
    public init(directory: URL, clock: any InstantClock, namespace: String = "default", eventLimit: Int = LocalStore.defaultEventLimit) throws {
        self.directory = directory
        self.clock = clock
        self.namespace = namespace
        self.eventLimit = max(1, eventLimit)
        try Self.createDirectory(directory)
        let path = directory.appendingPathComponent(Self.databaseFileName).path
        var configuration = Configuration()
        configuration.busyMode = .timeout(5)
        configuration.prepareDatabase { db in
            // Every commit reaches the disk before it returns: nothing acknowledged is lost, even on power loss.
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
            try StoreSchema.migrator.migrate(pool)
        } catch let error as DatabaseError {
            throw LocalStoreError.database(action: "open state database \(path)", reason: Self.reason(error), isBusy: Self.isBusy(error))
        }
    }

    /// The database file's path.
    public var databasePath: String { pool.path }

    /// Closes the database; every later call fails.
    public func close() throws {
        try perform("close state database \(databasePath)") { try pool.close() }
    }

    /// What `PRAGMA integrity_check` reports: `["ok"]` for a sound database, else one line per problem.
    public func integrityCheck() throws -> [String] {
        try read("check state database \(databasePath)") { db in
            try String.fetchAll(db, sql: "PRAGMA integrity_check")
        }
    }

    /// Runs `body` in one write transaction, naming `action` in errors; any error rolls everything back.
    func write<T>(_ action: String, _ body: (Database) throws -> T) throws -> T {
        try perform(action) { try pool.write(body) }
    }

    /// Runs `body` on a snapshot of the last committed state, naming `action` in errors.
    func read<T>(_ action: String, _ body: (Database) throws -> T) throws -> T {
        try perform(action) { try pool.read(body) }
    }

    /// Turns database errors into `LocalStoreError`; other errors pass unchanged.
    private func perform<T>(_ action: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as DatabaseError {
            throw LocalStoreError.database(action: action, reason: Self.reason(error), isBusy: Self.isBusy(error))
        }
    }

    /// The time now, as stored.
    var now: Double { clock.now().secondsSinceEpoch }

    private static func reason(_ error: DatabaseError) -> String {
        error.message ?? "SQLite error \(error.resultCode.rawValue)"
    }

    private static func isBusy(_ error: DatabaseError) -> Bool {
        error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED
    }

    /// Creates the state directory (0700) unless it exists; an existing directory is left as it is.
    private static func createDirectory(_ directory: URL) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw LocalStoreError.stateDirectory(path: directory.path, reason: "a file with this name exists; choose another --state-dir")
            }
            return
        }
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: directory.path)
        } catch {
            throw LocalStoreError.stateDirectory(path: directory.path, reason: "\(error.localizedDescription)")
        }
    }
}
