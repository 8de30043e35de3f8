import TurnoutProxy

/// One interval's traffic of a revision as a router's Prometheus metrics count it — responses by status code
/// and a latency histogram's cumulative buckets — in the shape the judge compares: each bucket's requests
/// stand at its upper bound (those above the last finite bound at that bound), the way the embedded proxy's
/// histogram stands each request at its 1 % bucket. Pure.
public enum BucketedTraffic {
    /// The two queries that read one revision's traffic over an interval.
    public struct Query: Sendable, Hashable {
        /// Responses by status code (a vector grouped `by` `statusLabel`).
        public var statuses: String
        /// The label holding the status code.
        public var statusLabel: String
        /// The latency histogram's cumulative counts (a vector grouped `by (le)`).
        public var buckets: String
        /// Microseconds in the buckets' unit.
        public var microsecondsPerUnit: Double
        /// The revision, as the judge names it.
        public var revision: String

        /// Creates the queries.
        public init(statuses: String, statusLabel: String, buckets: String, microsecondsPerUnit: Double, revision: String) {
            self.statuses = statuses
            self.statusLabel = statusLabel
            self.buckets = buckets
            self.microsecondsPerUnit = microsecondsPerUnit
            self.revision = revision
        }

        /// Runs both queries at a Prometheus and builds the revision's snapshot.
        func read(from prometheus: PrometheusMetricProvider, at address: String) async throws(ProviderError) -> RevisionMetricsSnapshot {
            let statuses = try await prometheus.samples(ofQuery: statuses, at: address).get()
            let buckets = try await prometheus.samples(ofQuery: buckets, at: address).get()
            return BucketedTraffic.snapshot(statuses: statuses, statusLabel: statusLabel, buckets: buckets, microsecondsPerUnit: microsecondsPerUnit, revision: revision)
        }
    }

    /// The snapshot of `statuses` (samples labelled `statusLabel`, e.g. `status="503"`) and `buckets`
    /// (cumulative counts labelled `le`, in a unit of `microsecondsPerUnit`).
    public static func snapshot(
        statuses: [PrometheusSample], statusLabel: String, buckets: [PrometheusSample], microsecondsPerUnit: Double, revision: String
    ) -> RevisionMetricsSnapshot {
        var responses: [StatusClass: UInt64] = [:]
        for sample in statuses {
            guard let code = sample.labels[statusLabel].flatMap({ Int($0) }), sample.value.isFinite, sample.value > 0 else { continue }
            responses[StatusClass(code: code), default: 0] += UInt64(sample.value.rounded())
        }
        var latency = RevisionMetricsSnapshot.makeLatencyHistogram()
        var sum: UInt64 = 0
        let bounds = buckets.compactMap { sample -> (bound: Double, count: Double)? in
            guard let text = sample.labels["le"], let bound = text == "+Inf" ? Double.infinity : Double(text), sample.value.isFinite else { return nil }
            return (bound, sample.value)
        }.sorted { $0.bound < $1.bound }
        var below = 0.0
        var lastFinite = 0.0
        for (bound, cumulative) in bounds {
            let count = UInt64(max(0, (cumulative - below).rounded()))
            below = max(below, cumulative)
            if bound.isFinite { lastFinite = bound }
            let microseconds = UInt64(max(1, min(600_000_000, lastFinite * microsecondsPerUnit)))
            if count > 0, latency.record(microseconds, count: count) { sum += microseconds * count }
        }
        return RevisionMetricsSnapshot(labels: MetricLabels(listener: "router", route: "", revision: revision), responses: responses, latency: latency, latencySumMicroseconds: sum)
    }
}
