import TurnoutProxy

/// Per-request samples of a revision over an interval, derived from the proxy's counters, for the judge.
///
/// The proxy keeps a latency histogram (1 % resolution), not raw latencies, so each recorded histogram
/// value stands for its requests: a value counted 12 times gives 12 samples of that latency. Above
/// `limit` requests the samples are thinned proportionally (cumulative rounding keeps the shape, tails
/// included). The rank test is unaffected by the 1 % bucketing except that equal buckets become ties,
/// which its tie correction handles.
enum JudgeSamples {
    /// Most samples per side; more add time, not evidence.
    static let limit = 2_000

    /// Latencies in milliseconds.
    static func latencies(_ snapshot: RevisionMetricsSnapshot?, limit: Int = JudgeSamples.limit) -> [Double] {
        guard let snapshot, snapshot.latency.totalCount > 0 else { return [] }
        let total = Double(snapshot.latency.totalCount)
        let scale = min(1, Double(limit) / total)
        var samples: [Double] = []
        samples.reserveCapacity(min(limit, Int(total)))
        var cumulative = 0.0
        for recorded in snapshot.latency.recordedValues() {
            let before = Int((cumulative * scale).rounded())
            cumulative += Double(recorded.count)
            let after = Int((cumulative * scale).rounded())
            if after > before {
                samples += repeatElement(Double(recorded.value) / 1000, count: after - before)
            }
        }
        return samples
    }

    /// One sample per request: 1 for a 5xx answer, 0 for any other.
    static func errors(_ snapshot: RevisionMetricsSnapshot?, limit: Int = JudgeSamples.limit) -> [Double] {
        guard let snapshot, snapshot.requestCount > 0 else { return [] }
        let total = Double(snapshot.requestCount)
        let scale = min(1, Double(limit) / total)
        let errors = Int((Double(snapshot.count(.serverError)) * scale).rounded())
        let all = Int((total * scale).rounded())
        return Array(repeating: 1, count: errors) + Array(repeating: 0, count: max(0, all - errors))
    }
}
