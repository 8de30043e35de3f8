import TurnoutCore

/// The current time, injected so tests and simulations control it.
public protocol InstantClock: Sendable {
    /// Now.
    func now() -> Instant
}
