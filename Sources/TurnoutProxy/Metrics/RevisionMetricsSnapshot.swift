import Histogram

/// The measurements of one series (listener, route, revision) at one moment, cumulative since the proxy started.
///
/// Subtract an earlier snapshot with `since(_:)` to get an interval (the analysis provider's window).
public struct RevisionMetricsSnapshot: Sendable {
    /// The series.
    public var labels: MetricLabels
    /// Responses by status class.
    public var responses: [StatusClass: UInt64]
    /// Latency histogram in microseconds (request head to response end).
    public var latency: Histogram<UInt64>
    /// Sum of all latencies in microseconds.
    public var latencySumMicroseconds: UInt64
    /// Requests in flight at the moment of the snapshot.
    public var inFlight: Int
    /// Failed connection attempts to the revision's upstreams.
    public var connectErrors: UInt64
    /// Requests that got no response head within the upstream timeout.
    public var upstreamTimeouts: UInt64
    /// Requests copied here by a mirror route.
    public var mirrored: UInt64

    /// An empty latency histogram: 1 µs to 10 min, two significant digits (1 % resolution).
    public static func makeLatencyHistogram() -> Histogram<UInt64> {
        Histogram<UInt64>(lowestDiscernibleValue: 1, highestTrackableValue: 600_000_000, numberOfSignificantValueDigits: .two)
    }

    /// Creates a snapshot.
    public init(
        labels: MetricLabels,
        responses: [StatusClass: UInt64] = [:],
        latency: Histogram<UInt64> = RevisionMetricsSnapshot.makeLatencyHistogram(),
        latencySumMicroseconds: UInt64 = 0,
        inFlight: Int = 0,
        connectErrors: UInt64 = 0,
        upstreamTimeouts: UInt64 = 0,
        mirrored: UInt64 = 0
    ) {
        self.labels = labels
        self.responses = responses
        self.latency = latency
        self.latencySumMicroseconds = latencySumMicroseconds
        self.inFlight = inFlight
        self.connectErrors = connectErrors
        self.upstreamTimeouts = upstreamTimeouts
        self.mirrored = mirrored
    }

    /// All responses counted.
    public var requestCount: UInt64 { responses.values.reduce(0, +) }

    /// Responses of one status class.
    public func count(_ statusClass: StatusClass) -> UInt64 { responses[statusClass] ?? 0 }

    /// Share of 5xx responses, 0…1; `nil` without responses.
    public var errorRate: Double? {
        let total = requestCount
        return total == 0 ? nil : Double(count(.serverError)) / Double(total)
    }

    /// The latency at `percentile` (0…100); `nil` without responses.
    public func latency(atPercentile percentile: Double) -> Duration? {
        latency.totalCount == 0 ? nil : .microseconds(latency.valueAtPercentile(percentile))
    }

    /// Median latency.
    public var p50: Duration? { latency(atPercentile: 50) }
    /// 95th percentile latency.
    public var p95: Duration? { latency(atPercentile: 95) }
    /// 99th percentile latency.
    public var p99: Duration? { latency(atPercentile: 99) }

    /// Adds another shard of the same series (counts, histogram, in-flight).
    public mutating func merge(_ other: RevisionMetricsSnapshot) {
        for (statusClass, count) in other.responses { responses[statusClass, default: 0] += count }
        latency.add(other.latency)
        latencySumMicroseconds &+= other.latencySumMicroseconds
        inFlight += other.inFlight
        connectErrors += other.connectErrors
        upstreamTimeouts += other.upstreamTimeouts
        mirrored += other.mirrored
    }

    /// What happened between `earlier` and this snapshot: counts and histogram differences; in-flight as now.
    public func since(_ earlier: RevisionMetricsSnapshot) -> RevisionMetricsSnapshot {
        var interval = self
        for statusClass in StatusClass.allCases {
            interval.responses[statusClass] = count(statusClass) &- min(count(statusClass), earlier.count(statusClass))
        }
        var histogram = Self.makeLatencyHistogram()
        for value in latency.recordedValues() {
            let before = UInt64(earlier.latency.countForValue(value.value))
            let now = UInt64(value.count)
            if now > before { _ = histogram.record(value.value, count: now - before) }
        }
        interval.latency = histogram
        interval.latencySumMicroseconds = latencySumMicroseconds &- min(latencySumMicroseconds, earlier.latencySumMicroseconds)
        interval.connectErrors = connectErrors - min(connectErrors, earlier.connectErrors)
        interval.upstreamTimeouts = upstreamTimeouts - min(upstreamTimeouts, earlier.upstreamTimeouts)
        interval.mirrored = mirrored - min(mirrored, earlier.mirrored)
        return interval
    }
}
