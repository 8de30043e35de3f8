import TurnoutProxy

extension ProxyMetricsSnapshot {
    /// Every series of a revision summed across listeners and routes (or only `route`'s); `nil` when it has none.
    func revision(_ hash: String, route: String? = nil) -> RevisionMetricsSnapshot? {
        let matching = series.filter { $0.labels.revision == hash && (route == nil || $0.labels.route == route) }
        guard var merged = matching.first else { return nil }
        for other in matching.dropFirst() { merged.merge(other) }
        return merged
    }
}
