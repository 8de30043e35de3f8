import Synchronization
import TurnoutCore
import TurnoutRuntime

/// A clock that only moves when told to.
public final class SimulatedClock: InstantClock {
    private let current: Mutex<Instant>

    /// Creates a clock at `start`.
    public init(start: Instant) {
        current = Mutex(start)
    }

    public func now() -> Instant {
        current.withLock { $0 }
    }

    /// Moves the clock forward to `instant` (never backward).
    public func advance(to instant: Instant) {
        current.withLock { $0 = max($0, instant) }
    }
}
