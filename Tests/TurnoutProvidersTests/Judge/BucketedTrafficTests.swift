import Testing
import TurnoutProviders
import TurnoutProxy

/// A router's status counts and cumulative latency buckets become the snapshot the judge compares.
struct BucketedTrafficTests {
    @Test func statusesCountByClassAndEachBucketsRequestsStandAtItsUpperBound() {
        let snapshot = BucketedTraffic.snapshot(
            statuses: [
                PrometheusSample(labels: ["status": "200"], value: 89.6), PrometheusSample(labels: ["status": "404"], value: 3),
                PrometheusSample(labels: ["status": "503"], value: 7.2), PrometheusSample(labels: [:], value: 5),
            ],
            statusLabel: "status",
            buckets: [
                PrometheusSample(labels: ["le": "+Inf"], value: 100), PrometheusSample(labels: ["le": "0.1"], value: 60),
                PrometheusSample(labels: ["le": "0.05"], value: 10), PrometheusSample(labels: ["le": "0.5"], value: 95),
            ],
            microsecondsPerUnit: 1_000_000, revision: "abc")
        #expect(snapshot.responses == [.success: 90, .clientError: 3, .serverError: 7], "rounded increases; a sample without a code is left out")
        #expect(snapshot.latency.totalCount == 100)
        let counts = snapshot.latency.recordedValues().map { (Double($0.value) / 1000, $0.count) }
        // 10 at 50 ms, 50 at 100 ms, 35 at 500 ms, and the 5 above the last finite bound at 500 ms too.
        #expect(counts.map(\.1) == [10, 50, 40])
        #expect(zip(counts.map(\.0), [50.0, 100, 500]).allSatisfy { abs($0 - $1) / $1 < 0.01 }, "\(counts.map(\.0)) ms, at the histogram's 1 % resolution")
    }
}
