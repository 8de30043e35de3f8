import TurnoutCore
import TurnoutProxy

extension BuiltinMetric {
    /// The latency percentile used when `percentile` is not set.
    static let defaultPercentile = 99.0

    /// The number this metric reads from a revision's interval: success and error rates as fractions 0…1
    /// (a 5xx is an error; every other status a success), latency in milliseconds at `percentile`, or the
    /// request count. `nil` when the revision answered no requests (except for `request-count`, which is 0).
    func value(of interval: RevisionMetricsSnapshot?) -> Double? {
        let requests = interval?.requestCount ?? 0
        switch metric {
        case .requestCount:
            return Double(requests)
        case .successRate:
            guard let interval, requests > 0 else { return nil }
            return Double(requests - interval.count(.serverError)) / Double(requests)
        case .errorRate:
            guard let interval, requests > 0 else { return nil }
            return Double(interval.count(.serverError)) / Double(requests)
        case .latency:
            guard let interval, interval.latency.totalCount > 0 else { return nil }
            let percentile = min(100, max(0, self.percentile ?? Self.defaultPercentile))
            return Double(interval.latency.valueAtPercentile(percentile)) / 1000
        }
    }
}
