import Histogram

/// The measurements of one series on one event loop: plain counters, no atomics (the loop owns them).
///
/// A snapshot copies every loop's shard on its own loop and merges them.
final class RevisionMetrics {
    /// The series.
    let labels: MetricLabels
    /// Responses by status class, indexed by class − 1.
    @exclusivity(unchecked) private(set) var statusCounts: [UInt64] = [0, 0, 0, 0, 0]
    /// Latency in microseconds from request head to response end.
    @exclusivity(unchecked) private(set) var latency = RevisionMetricsSnapshot.makeLatencyHistogram()
    /// Sum of latencies in microseconds (for Prometheus `_sum`).
    @exclusivity(unchecked) private(set) var latencySumMicroseconds: UInt64 = 0
    /// Requests between head and response end.
    @exclusivity(unchecked) var inFlight = 0
    /// Failed connection attempts to this pool's upstreams.
    @exclusivity(unchecked) var connectErrors: UInt64 = 0
    /// Requests that got no response head within the upstream timeout.
    @exclusivity(unchecked) var upstreamTimeouts: UInt64 = 0
    /// Requests copied to the canary by a mirror route.
    @exclusivity(unchecked) var mirrored: UInt64 = 0

    /// Creates an empty shard.
    init(labels: MetricLabels) {
        self.labels = labels
    }

    /// Records one finished request.
    @inline(__always)
    func record(status: Int, latencyNanoseconds: Int64) {
        statusCounts[StatusClass(code: status).rawValue - 1] &+= 1
        let micros = UInt64(max(1, latencyNanoseconds / 1_000))
        _ = latency.record(min(micros, Self.highestTrackableMicroseconds))
        latencySumMicroseconds &+= micros
    }

    /// A copy of the current values.
    func snapshot() -> RevisionMetricsSnapshot {
        var counts: [StatusClass: UInt64] = [:]
        for statusClass in StatusClass.allCases { counts[statusClass] = statusCounts[statusClass.rawValue - 1] }
        return RevisionMetricsSnapshot(
            labels: labels,
            responses: counts,
            latency: latency,
            latencySumMicroseconds: latencySumMicroseconds,
            inFlight: inFlight,
            connectErrors: connectErrors,
            upstreamTimeouts: upstreamTimeouts,
            mirrored: mirrored
        )
    }

    /// Latencies above this are recorded as this (ten minutes).
    static let highestTrackableMicroseconds: UInt64 = 600_000_000

}
