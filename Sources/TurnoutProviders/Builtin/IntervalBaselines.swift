import TurnoutCore
import TurnoutProxy
import TurnoutRuntime

/// The proxy snapshot each (run, metric) was last measured at, so the next measurement covers only the
/// interval since. Kept in memory: after a restart, or for a first measurement, the interval is
/// everything the proxy counted since it started (for a new canary revision: since it got traffic).
actor IntervalBaselines {
    /// Which measurement series a baseline belongs to.
    struct Key: Hashable {
        var run: String
        var metric: String
    }

    /// Most baselines kept; the least recently used go first.
    static let capacity = 4_096

    private var entries: [Key: (snapshot: ProxyMetricsSnapshot, usedAt: Instant)] = [:]
    private let clock: any InstantClock

    /// Creates an empty set of baselines.
    init(clock: any InstantClock) {
        self.clock = clock
    }

    /// The interval from this key's previous snapshot to `current` (all of `current` the first time),
    /// with its length in seconds when known; `current` becomes the key's baseline.
    func interval(for key: Key, current: ProxyMetricsSnapshot) -> (interval: ProxyMetricsSnapshot, seconds: Double?) {
        let previous = entries[key]?.snapshot
        entries[key] = (current, clock.now())
        if entries.count > Self.capacity, let oldest = entries.min(by: { $0.value.usedAt < $1.value.usedAt })?.key {
            entries[oldest] = nil
        }
        guard let previous else { return (current, nil) }
        let elapsed = current.takenAt - previous.takenAt
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return (current.since(previous), seconds)
    }
}
