import Synchronization
import Testing
import TurnoutCore
@testable import TurnoutProviders
import TurnoutProxy

/// A proxy metrics source the test feeds, as the embedded proxy would report it.
final class FakeProxyMetrics: Sendable {
    private let state = Mutex<(takenAt: ContinuousClock.Instant, series: [MetricLabels: RevisionMetricsSnapshot])>((ContinuousClock.now, [:]))

    /// Counts `count` responses of a status class with a latency for a revision on a route and listener.
    func add(revision: String, route: String = "web", listener: String = "http", status: StatusClass = .success, count: UInt64 = 1, latencyMicroseconds: UInt64 = 1_000) {
        state.withLock { state in
            let labels = MetricLabels(listener: listener, route: route, revision: revision)
            var series = state.series[labels] ?? RevisionMetricsSnapshot(labels: labels)
            series.responses[status, default: 0] += count
            _ = series.latency.record(latencyMicroseconds, count: count)
            series.latencySumMicroseconds += latencyMicroseconds * count
            state.series[labels] = series
        }
    }

    /// Moves the snapshot time on.
    func advance(seconds: Int64) {
        state.withLock { $0.takenAt = $0.takenAt.advanced(by: .seconds(seconds)) }
    }

    /// The snapshot now.
    func snapshot() -> ProxyMetricsSnapshot {
        state.withLock { state in ProxyMetricsSnapshot(takenAt: state.takenAt, series: state.series.values.sorted { $0.labels < $1.labels }) }
    }
}

@Suite struct BuiltinMetricProviderTests {
    func provider(_ metrics: FakeProxyMetrics) -> BuiltinMetricProvider {
        BuiltinMetricProvider(metrics: { metrics.snapshot() }, clock: TestClock())
    }

    func metric(_ builtin: BuiltinMetric, success: String? = nil, name: String = "m") -> Metric {
        Metric(name: name, provider: MetricSource(builtin: builtin), successCondition: success)
    }

    @Test func successRateSumsRoutesAndListenersOfTheRevision() async {
        let metrics = FakeProxyMetrics()
        metrics.add(revision: "new", route: "web", count: 60)
        metrics.add(revision: "new", route: "api", listener: "https", count: 35)
        metrics.add(revision: "new", route: "api", status: .serverError, count: 5)
        metrics.add(revision: "new", status: .clientError, count: 0)
        metrics.add(revision: "old", status: .serverError, count: 50)
        let measurement = await provider(metrics).measure(metric(BuiltinMetric(metric: .successRate), success: "result >= 0.95"), context: context())
        #expect(measurement.phase == .successful)
        #expect(measurement.value == "0.95")
    }

    @Test func eachMeasurementCoversTheIntervalSinceThePreviousOne() async {
        let metrics = FakeProxyMetrics()
        let provider = provider(metrics)
        let errorRate = metric(BuiltinMetric(metric: .errorRate), success: "result[0] <= 0.05")
        metrics.add(revision: "new", count: 100)
        #expect(await provider.measure(errorRate, context: context()).value == "0")
        metrics.advance(seconds: 15)
        metrics.add(revision: "new", count: 80)
        metrics.add(revision: "new", status: .serverError, count: 20)
        let second = await provider.measure(errorRate, context: context())
        #expect(second.phase == .failed)
        #expect(second.value == "0.2")
        // Another run measures from its own baseline: everything so far.
        #expect(await provider.measure(errorRate, context: context(run: "other")).value == "0.1")
    }

    @Test func routeLimitsTheTraffic() async {
        let metrics = FakeProxyMetrics()
        metrics.add(revision: "new", route: "web", count: 10)
        metrics.add(revision: "new", route: "api", status: .serverError, count: 10)
        let measurement = await provider(metrics).measure(metric(BuiltinMetric(metric: .errorRate, route: "api")), context: context())
        #expect(measurement.value == "1")
        #expect(await provider(metrics).measure(metric(BuiltinMetric(metric: .requestCount, route: "web")), context: context()).value == "10")
    }

    @Test func latencyIsAPercentileInMilliseconds() async {
        let metrics = FakeProxyMetrics()
        metrics.add(revision: "new", count: 98, latencyMicroseconds: 20_000)
        metrics.add(revision: "new", count: 2, latencyMicroseconds: 800_000)
        let p50 = await provider(metrics).measure(metric(BuiltinMetric(metric: .latency, percentile: 50), success: "result < 25"), context: context())
        #expect(p50.phase == .successful)
        let p99 = await provider(metrics).measure(metric(BuiltinMetric(metric: .latency), success: "result[0] < 500"), context: context())
        #expect(p99.phase == .failed)
        #expect(abs((Double(p99.value ?? "") ?? 0) - 800) < 8)
    }

    @Test func noTrafficIsAnErrorMeasurement() async {
        let metrics = FakeProxyMetrics()
        let provider = provider(metrics)
        let rate = metric(BuiltinMetric(metric: .successRate), success: "result >= 0.95")
        metrics.add(revision: "old", count: 10)
        let first = await provider.measure(rate, context: context())
        #expect(first.phase == .error)
        #expect(first.message == "builtin success-rate: no requests reached revision new yet")
        metrics.advance(seconds: 15)
        let second = await provider.measure(rate, context: context())
        #expect(second.message == "builtin success-rate: no requests reached revision new in the last 15s")
        #expect(await provider.measure(metric(BuiltinMetric(metric: .requestCount)), context: context()).value == "0")
    }
}
