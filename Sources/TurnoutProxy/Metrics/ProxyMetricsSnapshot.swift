/// Every series' measurements at one moment: what the builtin analysis provider reads in-process.
public struct ProxyMetricsSnapshot: Sendable {
    /// When it was taken (monotonic clock).
    public var takenAt: ContinuousClock.Instant
    /// One entry per series, sorted by labels.
    public var series: [RevisionMetricsSnapshot]

    /// Creates a snapshot.
    public init(takenAt: ContinuousClock.Instant, series: [RevisionMetricsSnapshot]) {
        self.takenAt = takenAt
        self.series = series
    }

    /// The series with these labels, if any.
    public func series(listener: String? = nil, route: String, revision: String) -> RevisionMetricsSnapshot? {
        let matching = series.filter { $0.labels.route == route && $0.labels.revision == revision && (listener == nil || $0.labels.listener == listener) }
        guard var merged = matching.first else { return nil }
        for other in matching.dropFirst() { merged.merge(other) }
        return merged
    }

    /// The interval from `earlier` to this snapshot, series by series (series new since then count from zero).
    public func since(_ earlier: ProxyMetricsSnapshot) -> ProxyMetricsSnapshot {
        let before = Dictionary(earlier.series.map { ($0.labels, $0) }, uniquingKeysWith: { first, _ in first })
        return ProxyMetricsSnapshot(
            takenAt: takenAt,
            series: series.map { current in before[current.labels].map { current.since($0) } ?? current }
        )
    }

    /// Merges per-loop shards into one entry per series.
    static func merging(_ shards: [RevisionMetricsSnapshot], takenAt: ContinuousClock.Instant) -> ProxyMetricsSnapshot {
        var merged: [MetricLabels: RevisionMetricsSnapshot] = [:]
        for shard in shards {
            if merged[shard.labels] == nil {
                merged[shard.labels] = shard
            } else {
                merged[shard.labels]!.merge(shard)
            }
        }
        return ProxyMetricsSnapshot(takenAt: takenAt, series: merged.values.sorted { $0.labels < $1.labels })
    }
}
