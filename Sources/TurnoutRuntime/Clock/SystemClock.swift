import Foundation
import TurnoutCore

/// The machine's wall clock.
public struct SystemClock: InstantClock {
    /// Creates the clock.
    public init() {}

    public func now() -> Instant {
        Instant(secondsSinceEpoch: Date().timeIntervalSince1970)
    }
}
