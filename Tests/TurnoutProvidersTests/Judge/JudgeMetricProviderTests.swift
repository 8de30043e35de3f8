import Foundation
import Testing
import TurnoutCore
@testable import TurnoutProviders
import TurnoutProxy
import TurnoutTestSupport

/// The judge provider over proxy metrics: a canary 30 % slower fails, one from the same distribution passes.
@Suite struct JudgeMetricProviderTests {
    static let judge = JudgeMetric(metrics: [
        JudgeMetricCriterion(name: "latency", kind: .latency, allowedIncrease: 1.1),
        JudgeMetricCriterion(name: "errors", kind: .errorRate, critical: true),
    ])

    func traffic(canaryMedian: Double, canaryErrors: UInt64 = 0, seed: UInt64) -> FakeProxyMetrics {
        let metrics = FakeProxyMetrics()
        var random = SplitMix64(seed: seed)
        for _ in 0..<400 { metrics.add(revision: "old", latencyMicroseconds: random.latency(median: 100)) }
        for _ in 0..<400 { metrics.add(revision: "new", latencyMicroseconds: random.latency(median: canaryMedian)) }
        metrics.add(revision: "old", status: .serverError, count: 2)
        if canaryErrors > 0 { metrics.add(revision: "new", status: .serverError, count: canaryErrors) }
        return metrics
    }

    func measure(_ metrics: FakeProxyMetrics, judge: JudgeMetric = Self.judge, success: String? = nil, stable: String? = "old") async -> TurnoutCore.Measurement {
        let metric = Metric(name: "judge", provider: MetricSource(judge: judge), successCondition: success)
        return await JudgeMetricProvider(metrics: { metrics.snapshot() }, clock: TestClock()).measure(metric, context: context(stable: stable))
    }

    @Test(arguments: [1, 2, 3, 4, 5] as [UInt64])
    func aCanaryThirtyPercentSlowerFails(_ seed: UInt64) async {
        let measurement = await measure(traffic(canaryMedian: 130, seed: seed))
        #expect(measurement.phase == .failed)
        #expect(measurement.value?.contains(#""latency":{"#) == true)
        #expect(measurement.value?.contains(#""classification":"High""#) == true)
    }

    @Test(arguments: [1, 2, 3, 4, 5] as [UInt64])
    func aCanaryFromTheSameDistributionPasses(_ seed: UInt64) async {
        let measurement = await measure(traffic(canaryMedian: 100, seed: seed))
        #expect(measurement.phase == .successful)
        #expect(measurement.value?.contains(#""score":100"#) == true)
        #expect(measurement.value?.contains(#""verdict":"Pass""#) == true)
    }

    @Test func aCriticalErrorRateSetsTheScoreToZero() async {
        let measurement = await measure(traffic(canaryMedian: 100, canaryErrors: 80, seed: 7))
        #expect(measurement.phase == .failed)
        #expect(measurement.value?.contains(#""score":0"#) == true)
        #expect(measurement.value?.contains(#""failedCriticalMetrics":["errors"]"#) == true)
    }

    @Test func conditionsCanReadTheScore() async {
        let slow = await measure(traffic(canaryMedian: 130, seed: 1), success: "result.score >= 50 && result.metrics.errors.classification == 'Pass'")
        #expect(slow.phase == .successful)
    }

    @Test func withoutAStableRevisionItIsAnError() async {
        let measurement = await measure(traffic(canaryMedian: 100, seed: 1), stable: nil)
        #expect(measurement.phase == .error)
        #expect(measurement.message == "judge: no stable revision to compare revision new with")
    }

    @Test func tooFewSamplesIsAnError() async {
        let metrics = FakeProxyMetrics()
        metrics.add(revision: "old", count: 3)
        metrics.add(revision: "new", count: 2)
        let measurement = await measure(metrics)
        #expect(measurement.phase == .error)
        #expect(measurement.message == "judge: not enough samples to compare yet (latency: canary 2, stable 3; errors: canary 2, stable 3)")
    }

    @Test func samplesFollowTheHistogramAndAreThinnedProportionally() {
        let metrics = FakeProxyMetrics()
        metrics.add(revision: "new", count: 3_000, latencyMicroseconds: 10_000)
        metrics.add(revision: "new", count: 1_000, latencyMicroseconds: 50_000)
        metrics.add(revision: "new", status: .serverError, count: 1_000, latencyMicroseconds: 10_000)
        let series = metrics.snapshot().revision("new")
        let latencies = JudgeSamples.latencies(series)
        #expect(latencies.count == 2_000)
        #expect(abs(Double(latencies.filter { $0 > 40 }.count) - 400) <= 1)
        let errors = JudgeSamples.errors(series)
        #expect(errors.count == 2_000)
        #expect(errors.filter { $0 == 1 }.count == 400)
    }
}

extension SplitMix64 {
    /// Log-normal latency in microseconds: median `median` ms, sigma 0.4.
    mutating func latency(median: Double) -> UInt64 {
        let normal = sqrt(-2 * log(max(uniform(), 1e-12))) * cos(2 * .pi * uniform())
        return UInt64(median * exp(0.4 * normal) * 1000)
    }
}
