import TurnoutCore
import TurnoutProxy
import TurnoutRuntime

/// The `judge` provider: Turnout's statistical canary judge over the embedded proxy's metrics. Each
/// measurement compares the analysed revision (`context.revisionHash`) with the stable one
/// (`context.stableHash`) over the interval since the previous measurement of the same run and metric:
/// Mann-Whitney U per criterion, a score 0–100 over weighted groups (see docs/judge.md).
///
/// `result` is a map (`result.score`, `result.verdict`, `result.metrics.latency.classification`, ...).
/// Without conditions the verdict decides: Pass → Successful, Marginal → Inconclusive, Fail → Failed.
/// When no criterion has enough samples on both sides (every one is NoData) the measurement is an Error
/// (no evidence yet, even for critical criteria), which `consecutiveErrorLimit` tolerates.
public struct JudgeMetricProvider: MetricProvider {
    private let metrics: @Sendable () async -> ProxyMetricsSnapshot
    private let baselines: IntervalBaselines

    /// Creates the provider; `metrics` takes a snapshot of the embedded proxy's metrics.
    public init(metrics: @escaping @Sendable () async -> ProxyMetricsSnapshot, clock: any InstantClock = SystemClock()) {
        self.metrics = metrics
        self.baselines = IntervalBaselines(clock: clock)
    }

    public func measure(_ metric: Metric, context: MeasurementContext) async -> Measurement {
        guard let judge = metric.provider.judge else {
            return Measurement(phase: .error, message: "metric \(metric.name) has no judge provider")
        }
        guard let stableHash = context.stableHash, stableHash != context.revisionHash else {
            return Measurement(phase: .error, message: "judge: no stable revision to compare revision \(context.revisionHash) with")
        }
        guard !judge.metrics.isEmpty else {
            return Measurement(phase: .error, message: "judge: no metrics to compare; add e.g. `metrics: [{name: latency, kind: latency}]`")
        }
        let (interval, _) = await baselines.interval(for: .init(run: context.runName, metric: metric.name), current: await metrics())
        return Self.judge(metric, canary: interval.revision(context.revisionHash, route: judge.route), stable: interval.revision(stableHash, route: judge.route))
    }

    /// The measurement of a judge metric over both revisions' traffic read from a Prometheus (a router's metrics).
    public static func judge(_ metric: Metric, canary: BucketedTraffic.Query, stable: BucketedTraffic.Query, prometheus: PrometheusMetricProvider, address: String) async -> Measurement {
        do {
            return judge(metric, canary: try await canary.read(from: prometheus, at: address), stable: try await stable.read(from: prometheus, at: address))
        } catch {
            return Measurement(phase: .error, message: "judge: \(error.description) (at \(address))")
        }
    }

    /// The measurement of a judge metric over one interval's traffic of the canary and the stable revision,
    /// wherever that traffic was counted (the embedded proxy, or a router's metrics in Prometheus).
    public static func judge(_ metric: Metric, canary: RevisionMetricsSnapshot?, stable: RevisionMetricsSnapshot?) -> Measurement {
        guard let judge = metric.provider.judge else {
            return Measurement(phase: .error, message: "metric \(metric.name) has no judge provider")
        }
        let score = judge.score(canary: canary, stable: stable)
        guard score.hasData, !score.metrics.allSatisfy({ $0.comparison.classification == .noData }) else {
            let counts = score.metrics.map { "\($0.name): canary \($0.comparison.canaryCount), stable \($0.comparison.stableCount)" }.joined(separator: "; ")
            return Measurement(phase: .error, value: score.result.measurementText, message: "judge: not enough samples to compare yet (\(counts))")
        }
        return evaluateMeasurement(score.result, of: metric, phaseWithoutConditions: score.measurementPhase)
    }
}
