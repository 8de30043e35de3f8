#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A fault for tests: the supervisor crashes right after it started its `afterStarts`-th replica process, before
/// it recorded that process's pid, the moment a crash used to make a replica unknown to the next daemon.
public struct SpawnCrashPoint: Sendable, Hashable {
    /// The variable that sets the crash point of `turnout up` (a number of starts); read by tests only.
    public static let environmentVariable = "TURNOUT_TEST_CRASH_AFTER_SPAWN"

    /// How the supervisor crashes.
    public enum Action: Sendable, Hashable {
        /// The whole process kills itself with SIGKILL, as `kill -9` would.
        case killProcess
        /// The supervisor stops as if its process had died (`detach()`), for tests in one process.
        case detach
    }

    /// Which start crashes, from 1.
    public var afterStarts: Int
    /// How it crashes.
    public var action: Action

    /// Creates a crash point.
    public init(afterStarts: Int, action: Action) {
        self.afterStarts = afterStarts
        self.action = action
    }

    /// The crash point `environment` sets with `TURNOUT_TEST_CRASH_AFTER_SPAWN=N`, `nil` when none.
    public static func from(environment: [String: String]) -> SpawnCrashPoint? {
        guard let text = environment[environmentVariable], let count = Int(text), count > 0 else { return nil }
        return SpawnCrashPoint(afterStarts: count, action: .killProcess)
    }
}
