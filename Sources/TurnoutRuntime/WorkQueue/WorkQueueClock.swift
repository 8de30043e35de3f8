/// The time a work queue schedules by, injected so tests move it by hand instead of sleeping.
///
/// Contract: `now()` never goes backward; `sleep(until:)` returns once `now()` has reached `deadline`
/// (at once when it has) and throws `CancellationError` when its task is cancelled first.
public protocol WorkQueueClock: Sendable {
    /// Seconds on a monotonic scale with an arbitrary origin.
    func now() -> Double
    /// Suspends until `now()` reaches `deadline`.
    func sleep(until deadline: Double) async throws
}

/// The machine's monotonic clock (`ContinuousClock`), in seconds since the clock was made.
public struct ContinuousWorkQueueClock: WorkQueueClock {
    private let clock = ContinuousClock()
    private let origin: ContinuousClock.Instant

    /// Creates the clock; its `now()` starts at 0.
    public init() {
        origin = clock.now
    }

    public func now() -> Double {
        let elapsed = clock.now - origin
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    public func sleep(until deadline: Double) async throws {
        let remaining = deadline - now()
        guard remaining > 0 else { return }
        try await Task.sleep(for: .seconds(remaining))
    }
}
