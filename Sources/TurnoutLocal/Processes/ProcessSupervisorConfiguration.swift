import Foundation

/// How a `ProcessSupervisor` starts, watches and stops replicas.
public struct ProcessSupervisorConfiguration: Sendable {
    /// What launch plans are built with.
    public var launch: LaunchSettings
    /// Where replica logs go, and how they are rotated.
    public var logs: ReplicaLogs
    /// How long crashed replicas wait before they start again.
    public var backoff: CrashBackoff
    /// Seconds to wait for the drain hook before going on with a replica's termination.
    public var drainTimeoutSeconds: Double
    /// Seconds between checks of each replica's process (exit, due probes, log size).
    public var pollIntervalSeconds: Double
    /// Seconds between log-size checks of each replica.
    public var logCheckIntervalSeconds: Double
    /// Names this supervisor's replicas in their environment (`TURNOUT_STATE_DIR`): the state directory. At
    /// `adopt()`, a process carrying it that no record names is stopped.
    public var replicaOwner: String
    /// Where the supervisor crashes on purpose, for tests; `nil` (always, outside tests) for nowhere.
    public var crashAfterSpawn: SpawnCrashPoint?

    /// Creates a configuration; `replicaOwner` defaults to the parent of the logs directory (the state directory).
    public init(
        launch: LaunchSettings, logs: ReplicaLogs, backoff: CrashBackoff = CrashBackoff(), drainTimeoutSeconds: Double = 30, pollIntervalSeconds: Double = 0.1,
        logCheckIntervalSeconds: Double = 2, replicaOwner: String? = nil, crashAfterSpawn: SpawnCrashPoint? = nil
    ) {
        self.launch = launch
        self.logs = logs
        self.backoff = backoff
        self.drainTimeoutSeconds = drainTimeoutSeconds
        self.pollIntervalSeconds = pollIntervalSeconds
        self.logCheckIntervalSeconds = logCheckIntervalSeconds
        self.replicaOwner = replicaOwner ?? logs.directory.deletingLastPathComponent().resolvingSymlinksInPath().path
        self.crashAfterSpawn = crashAfterSpawn
    }

    /// The single-host runtime's defaults: logs under `<stateDirectory>/logs`, the built-in image table (the
    /// demo app run by `turnoutBinary`) extended by `images`, the daemon's usual variables inherited, replicas
    /// marked with the state directory, and the crash point `TURNOUT_TEST_CRASH_AFTER_SPAWN` sets (tests only).
    public static func standard(stateDirectory: URL, turnoutBinary: String, images: [String: [String]] = [:], environment: [String: String] = ProcessInfo.processInfo.environment) -> ProcessSupervisorConfiguration {
        ProcessSupervisorConfiguration(
            launch: LaunchSettings(
                images: ImageTable.builtIn(turnoutBinary: turnoutBinary).merging(ImageTable(images)),
                baseEnvironment: LaunchSettings.inherited(from: environment),
                podLauncher: PodLauncherSettings(turnoutBinary: turnoutBinary, podsDirectory: stateDirectory.appendingPathComponent("pods", isDirectory: true).path)
            ),
            logs: ReplicaLogs(directory: stateDirectory.appendingPathComponent("logs", isDirectory: true)),
            replicaOwner: stateDirectory.resolvingSymlinksInPath().path,
            crashAfterSpawn: SpawnCrashPoint.from(environment: environment)
        )
    }
}
