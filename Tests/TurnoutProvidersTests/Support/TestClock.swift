import Synchronization
import TurnoutCore
import TurnoutRuntime

/// A clock the test sets.
final class TestClock: InstantClock {
    private let current: Mutex<Instant>

    init(_ start: Instant = Instant(secondsSinceEpoch: 1_767_225_600)) {
        current = Mutex(start)
    }

    func now() -> Instant { current.withLock { $0 } }
    func advance(_ seconds: Double) { current.withLock { $0 = $0.adding(seconds: seconds) } }
}

/// The context of a measurement in these tests.
func context(run: String = "run", revision: String = "new", stable: String? = "old") -> MeasurementContext {
    MeasurementContext(runName: run, arguments: [:], revisionHash: revision, stableHash: stable)
}
