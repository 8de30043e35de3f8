import KubernetesClient
import TurnoutCore
import TurnoutProviders
import TurnoutRuntime

/// The `builtin` provider on a cluster, where no embedded proxy sees the requests: the metric is read from the
/// rollout's router's own Prometheus metrics (ingress-nginx for `trafficRouting.nginx`, Istio for host-split
/// `trafficRouting.istio`) for the Service carrying the analysed revision, over the metric's interval (60 s
/// by default), from the Prometheus the controller is given. `result` is a number, as on a single host; an
/// interval without requests is a measurement in phase Error.
public struct ClusterBuiltinMetricProvider: MetricProvider {
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
        guard let builtin = metric.provider.builtin else {
            return Measurement(phase: .error, message: "metric \(metric.name) has no builtin provider")
        }
        guard let address, !address.isEmpty else {
            return Measurement(phase: .error, message: "builtin \(builtin.metric.rawValue) on a cluster reads the router's metrics from Prometheus: start the controller with --prometheus URL")
        }
        let query: RouterMetricsQuery
        switch await target(of: context, window: Int(metric.interval?.seconds ?? 60)) {
        case .success(let found): query = found
        case .failure(let reason): return Measurement(phase: .error, message: "builtin \(builtin.metric.rawValue): \(reason.message)")
        }
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

    /// The router and Service whose metrics show the run's revision.
    private func target(of context: MeasurementContext, window: Int) async -> Result<RouterMetricsQuery, NoSource> {
        let run = await caches.analysisRuns.object(InformerKey(namespace: context.namespace, name: context.runName))
        guard let owner = run?.rolloutName, let rollout = await caches.rollout(RolloutKey(namespace: context.namespace, name: owner)) else {
            return .failure(NoSource(message: "the run \(context.runName) belongs to no rollout, so no router's metrics show its revision"))
        }
        let canary = rollout.spec.strategy?.canary
        let isStable = context.revisionHash == rollout.status?.stableRS
        guard let service = isStable ? canary?.stableService : canary?.canaryService, !service.isEmpty else {
            return .failure(NoSource(message: "rollout \(owner) names no \(isStable ? "stable" : "canary")Service whose metrics show revision \(context.revisionHash)"))
        }
        let routing = canary?.trafficRouting
        let source: RouterMetricsQuery.Source
        if routing?.nginx != nil {
            source = .nginx
        } else if routing?.istio != nil, routing?.istio?.destinationRule == nil {
            source = .istio
        } else {
            return .failure(NoSource(message: "rollout \(owner) routes through neither nginx nor host-split istio, whose metrics builtin reads on a cluster"))
        }
        return .success(RouterMetricsQuery(source: source, namespace: context.namespace, service: service, window: window))
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
