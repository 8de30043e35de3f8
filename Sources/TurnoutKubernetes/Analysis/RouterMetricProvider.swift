import KubernetesClient
import TurnoutCore
import TurnoutProviders
import TurnoutRuntime

/// The `builtin` and `judge` providers on a cluster, where no embedded proxy sees the requests: both read the
/// rollout's router's own Prometheus metrics (ingress-nginx for `trafficRouting.nginx`, Istio for host-split
/// `trafficRouting.istio`) for the Services carrying the revisions, over the metric's interval (60 s by
/// default), from the Prometheus the controller is given. A `builtin` result is a number, as on a single host;
/// the judge compares the canary's and the stable's responses and latency buckets as it compares the embedded
/// proxy's. An interval without requests is a measurement in phase Error.
public struct RouterMetricProvider: MetricProvider {
    private let address: String?
    private let caches: ClusterCaches
    private let prometheus: PrometheusMetricProvider

    /// Creates the provider; `address` is `turnout controller --prometheus` (`nil`: every measurement errs, saying so).
    public init(address: String?, caches: ClusterCaches, prometheus: PrometheusMetricProvider) {
        self.address = address
        self.caches = caches
        self.prometheus = prometheus
    }

    public func measure(_ metric: Metric, context: MeasurementContext) async -> Measurement {
        let name = metric.provider.builtin.map { "builtin \($0.metric.rawValue)" } ?? "judge"
        guard metric.provider.builtin != nil || metric.provider.judge != nil else {
            return Measurement(phase: .error, message: "metric \(metric.name) has neither a builtin nor a judge provider")
        }
        guard let address, !address.isEmpty else {
            return Measurement(phase: .error, message: "\(name) on a cluster reads the router's metrics from Prometheus: start the controller with --prometheus URL")
        }
        let window = Int(metric.interval?.seconds ?? 60)
        let services: RoutedServices
        switch await routedServices(of: context) {
        case .success(let found): services = found
        case .failure(let reason): return Measurement(phase: .error, message: "\(name): \(reason.message)")
        }
        if let builtin = metric.provider.builtin {
            return await measure(builtin, of: metric, query: services.query(for: context.revisionHash, window: window), context: context, address: address)
        }
        guard let stableHash = context.stableHash, stableHash != context.revisionHash else {
            return Measurement(phase: .error, message: "judge: no stable revision to compare revision \(context.revisionHash) with")
        }
        return await JudgeMetricProvider.judge(
            metric, canary: services.query(for: context.revisionHash, window: window).traffic(of: context.revisionHash),
            stable: services.query(for: stableHash, window: window).traffic(of: stableHash), prometheus: prometheus, address: address)
    }

    private func measure(_ builtin: BuiltinMetric, of metric: Metric, query: RouterMetricsQuery, context: MeasurementContext, address: String) async -> Measurement {
        let promQL = query.promQL(for: builtin)
        switch await prometheus.value(ofQuery: promQL, at: address) {
        case .success(let result):
            guard let value = Self.number(result), !value.isNaN else {
                return Measurement(phase: .error, message: "builtin \(builtin.metric.rawValue): \(ProviderError.noTraffic(revision: context.revisionHash, seconds: Double(query.window)).description) (\(query.source.rawValue) metrics of Service \(query.service))")
            }
            return evaluateMeasurement(.double(value), of: metric)
        case .failure(let error):
            return Measurement(phase: .error, message: "builtin \(builtin.metric.rawValue): prometheus query `\(promQL)` at \(address): \(error.description)")
        }
    }

    /// Why no router's metrics can be read for a run.
    struct NoSource: Error {
        var message: String
    }

    /// The router and the Services of a run's rollout.
    struct RoutedServices {
        var source: RouterMetricsQuery.Source
        var namespace: String
        var stableHash: String?
        var stableService: String
        var canaryService: String

        /// The query over the Service carrying a revision: the stable Service for the stable revision.
        func query(for revision: String, window: Int) -> RouterMetricsQuery {
            RouterMetricsQuery(source: source, namespace: namespace, service: revision == stableHash ? stableService : canaryService, window: window)
        }
    }

    private func routedServices(of context: MeasurementContext) async -> Result<RoutedServices, NoSource> {
        let run = await caches.analysisRuns.object(InformerKey(namespace: context.namespace, name: context.runName))
        guard let owner = run?.rolloutName, let rollout = await caches.rollout(RolloutKey(namespace: context.namespace, name: owner)) else {
            return .failure(NoSource(message: "the run \(context.runName) belongs to no rollout, so no router's metrics show its revision"))
        }
        let canary = rollout.spec.strategy?.canary
        guard let stableService = canary?.stableService, let canaryService = canary?.canaryService, !stableService.isEmpty, !canaryService.isEmpty else {
            return .failure(NoSource(message: "rollout \(owner) names no stableService and canaryService whose metrics show its revisions"))
        }
        let routing = canary?.trafficRouting
        let source: RouterMetricsQuery.Source
        if routing?.nginx != nil {
            source = .nginx
        } else if routing?.istio != nil, routing?.istio?.destinationRule == nil {
            source = .istio
        } else {
            return .failure(NoSource(message: "rollout \(owner) routes through neither nginx nor host-split istio, whose metrics are read on a cluster"))
        }
        return .success(RoutedServices(source: source, namespace: context.namespace, stableHash: rollout.status?.stableRS, stableService: stableService, canaryService: canaryService))
    }

    /// The one number of a scalar or a single-sample vector.
    private static func number(_ result: JSONValue) -> Double? {
        switch result {
        case .double(let value): return value
        case .int(let value): return Double(value)
        case .array(let values) where values.count == 1: return number(values[0])
        default: return nil
        }
    }
}
