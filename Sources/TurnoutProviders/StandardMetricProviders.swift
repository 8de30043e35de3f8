import AsyncHTTPClient
import Logging
import TurnoutCore
import TurnoutProxy
import TurnoutRuntime

/// The providers Turnout ships (beside `job`, which each runtime supplies), keyed by provider kind as
/// `MetricSource.kindNames` spells it.
public enum StandardMetricProviders {
    /// `builtin`, `judge`, `prometheus` and `web`; `proxyMetrics` snapshots the embedded proxy's metrics,
    /// `httpClient` is shared by prometheus and web and shut down by the caller.
    public static func make(
        proxyMetrics: @escaping @Sendable () async -> ProxyMetricsSnapshot, httpClient: HTTPClient, clock: any InstantClock, logger: Logger
    ) -> [String: any MetricProvider] {
        [
            "builtin": BuiltinMetricProvider(metrics: proxyMetrics, clock: clock),
            "judge": JudgeMetricProvider(metrics: proxyMetrics, clock: clock),
            "prometheus": PrometheusMetricProvider(httpClient: httpClient, clock: clock, logger: logger),
            "web": WebMetricProvider(httpClient: httpClient, logger: logger),
        ]
    }
}
