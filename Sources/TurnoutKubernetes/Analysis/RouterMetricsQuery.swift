import TurnoutCore
import TurnoutProviders

/// The PromQL a `builtin` metric becomes on a cluster, over the router's own metrics for the Service that
/// carries the analysed revision: ingress-nginx's `nginx_ingress_controller_requests` and
/// `…_request_duration_seconds` (by `namespace` and `service`), Istio's `istio_requests_total` and
/// `istio_request_duration_milliseconds` (by `destination_service_namespace` and `destination_service_name`),
/// and the by-status and by-bucket counts the judge compares. Each reads the `window` seconds before. Pure.
public struct RouterMetricsQuery: Sendable, Hashable {
    /// Whose metrics are read.
    public enum Source: String, Sendable, Hashable {
        /// ingress-nginx's controller.
        case nginx
        /// Istio's sidecars.
        case istio
    }

    /// Whose metrics.
    public var source: Source
    /// The Service's namespace.
    public var namespace: String
    /// The Service carrying the revision.
    public var service: String
    /// Seconds read (at least the 2 scrapes `increase` needs, so never below 10).
    public var window: Int

    /// Creates a query.
    public init(source: Source, namespace: String, service: String, window: Int) {
        self.source = source
        self.namespace = namespace
        self.service = service
        self.window = max(10, window)
    }

    /// The query for one builtin metric; its value is the metric's (a share 0…1, milliseconds, a count).
    public func promQL(for metric: BuiltinMetric) -> String {
        switch metric.metric {
        case .requestCount:
            return "sum(increase(\(requests())[\(window)s]))"
        case .errorRate:
            return "sum(increase(\(requests(errors: true))[\(window)s])) / sum(increase(\(requests())[\(window)s]))"
        case .successRate:
            return "1 - (sum(increase(\(requests(errors: true))[\(window)s])) / sum(increase(\(requests())[\(window)s])))"
        case .latency:
            let quantile = Self.format((metric.percentile ?? 99) / 100)
            let buckets = "sum by (le) (rate(\(durationBuckets)[\(window)s]))"
            return source == .nginx ? "histogram_quantile(\(quantile), \(buckets)) * 1000" : "histogram_quantile(\(quantile), \(buckets))"
        }
    }

    /// Responses in the window by status code, for the judge (samples labelled `statusLabel`).
    public var statusesByCode: String {
        switch source {
        case .nginx: return "sum by (status) (increase(\(requests())[\(window)s]))"
        case .istio: return "sum by (response_code) (increase(\(requests())[\(window)s]))"
        }
    }

    /// The label `statusesByCode` groups by.
    public var statusLabel: String { source == .nginx ? "status" : "response_code" }

    /// The latency histogram's cumulative counts in the window, by `le`, for the judge.
    public var latencyBuckets: String { "sum by (le) (increase(\(durationBuckets)[\(window)s]))" }

    /// Microseconds in the unit of the latency buckets (seconds for ingress-nginx, milliseconds for Istio).
    public var microsecondsPerBucketUnit: Double { source == .nginx ? 1_000_000 : 1_000 }

    /// The judge's queries for a revision's traffic through this Service.
    public func traffic(of revision: String) -> BucketedTraffic.Query {
        BucketedTraffic.Query(statuses: statusesByCode, statusLabel: statusLabel, buckets: latencyBuckets, microsecondsPerUnit: microsecondsPerBucketUnit, revision: revision)
    }

    private var selector: String {
        switch source {
        case .nginx: return "namespace=\"\(namespace)\",service=\"\(service)\""
        case .istio: return "destination_service_namespace=\"\(namespace)\",destination_service_name=\"\(service)\",reporter=\"destination\""
        }
    }

    private func requests(errors: Bool = false) -> String {
        switch source {
        case .nginx: return "nginx_ingress_controller_requests{\(selector)\(errors ? ",status=~\"5..\"" : "")}"
        case .istio: return "istio_requests_total{\(selector)\(errors ? ",response_code=~\"5..\"" : "")}"
        }
    }

    private var durationBuckets: String {
        switch source {
        case .nginx: return "nginx_ingress_controller_request_duration_seconds_bucket{\(selector)}"
        case .istio: return "istio_request_duration_milliseconds_bucket{\(selector)}"
        }
    }

    private static func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
