import TurnoutCore
import TurnoutProxy
import TurnoutRuntime

/// The `builtin` provider: success rate, error rate, a latency percentile or the request count of the
/// analysed revision, read from the embedded proxy's per-revision metrics over the interval since the
/// previous measurement of the same run and metric. `result` is a number, so `result >= 0.95` and
/// `result[0] >= 0.95` both work. An interval in which the revision answered no requests is a
/// measurement in phase Error ("no requests reached revision ..."), which `consecutiveErrorLimit`
/// (default 4) tolerates, like an empty Prometheus vector in Argo.
public struct BuiltinMetricProvider: MetricProvider {
    private let metrics: @Sendable () async -> ProxyMetricsSnapshot
    private let baselines: IntervalBaselines

    /// Creates the provider; `metrics` takes a snapshot of the embedded proxy's metrics.
    public init(metrics: @escaping @Sendable () async -> ProxyMetricsSnapshot, clock: any InstantClock = SystemClock()) {
        self.metrics = metrics
        self.baselines = IntervalBaselines(clock: clock)
    }

    public func measure(_ metric: Metric, context: MeasurementContext) async -> Measurement {
        guard let builtin = metric.provider.builtin else {
            return Measurement(phase: .error, message: "metric \(metric.name) has no builtin provider")
        }
        let (interval, seconds) = await baselines.interval(for: .init(run: context.runName, metric: metric.name), current: await metrics())
        guard let value = builtin.value(of: interval.revision(context.revisionHash, route: builtin.route)) else {
            return Measurement(phase: .error, message: "builtin \(builtin.metric.rawValue): \(ProviderError.noTraffic(revision: context.revisionHash, seconds: seconds).description)")
        }
        return evaluateMeasurement(.double(value), of: metric)
    }
}
