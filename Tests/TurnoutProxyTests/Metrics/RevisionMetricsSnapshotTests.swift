import Testing
@testable import TurnoutProxy

@Suite struct RevisionMetricsSnapshotTests {
    private let labels = MetricLabels(listener: "main", route: "web", revision: "v2")

    @Test func countsByStatusClassAndReportsPercentiles() {
        let shard = RevisionMetrics(labels: labels)
        for index in 1...100 { shard.record(status: index <= 95 ? 200 : 503, latencyNanoseconds: Int64(index) * 1_000_000) }
        let snapshot = shard.snapshot()
        #expect(snapshot.count(.success) == 95)
        #expect(snapshot.count(.serverError) == 5)
        #expect(snapshot.errorRate == 0.05)
        let p50 = try! #require(snapshot.p50)
        let p99 = try! #require(snapshot.p99)
        #expect(abs(Double(p50.milliseconds) - 50) <= 1)
        #expect(abs(Double(p99.milliseconds) - 99) <= 1)
    }

    @Test func intervalSubtractsAnEarlierSnapshot() {
        let shard = RevisionMetrics(labels: labels)
        for _ in 0..<10 { shard.record(status: 200, latencyNanoseconds: 1_000_000) }
        let earlier = shard.snapshot()
        for _ in 0..<5 { shard.record(status: 500, latencyNanoseconds: 200_000_000) }
        let interval = shard.snapshot().since(earlier)
        #expect(interval.count(.success) == 0)
        #expect(interval.count(.serverError) == 5)
        #expect(interval.latency.totalCount == 5)
        #expect(abs(Double(interval.p50!.milliseconds) - 200) <= 2)
    }

    @Test func mergesShardsOfOneSeries() {
        let first = RevisionMetrics(labels: labels)
        let second = RevisionMetrics(labels: labels)
        first.record(status: 200, latencyNanoseconds: 1_000)
        second.record(status: 404, latencyNanoseconds: 1_000)
        second.inFlight = 2
        let merged = ProxyMetricsSnapshot.merging([first.snapshot(), second.snapshot()], takenAt: .now)
        #expect(merged.series.count == 1)
        #expect(merged.series[0].requestCount == 2)
        #expect(merged.series[0].inFlight == 2)
        #expect(merged.series(route: "web", revision: "v2")?.count(.clientError) == 1)
    }

    @Test(arguments: [(100, StatusClass.informational), (204, .success), (302, .redirection), (499, .clientError), (504, .serverError), (700, .serverError)])
    func classifiesStatuses(code: Int, expected: StatusClass) {
        #expect(StatusClass(code: code) == expected)
    }
}

private extension Duration {
    var milliseconds: Int64 { components.seconds * 1_000 + components.attoseconds / 1_000_000_000_000_000 }
}
