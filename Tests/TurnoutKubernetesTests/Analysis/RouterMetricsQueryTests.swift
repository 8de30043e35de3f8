import Testing
import TurnoutCore
import TurnoutKubernetes

/// The PromQL each builtin metric becomes over a router's own metrics.
struct RouterMetricsQueryTests {
    @Test(arguments: [
        (RouterMetricsQuery.Source.nginx, BuiltinMetric(metric: .errorRate), 30,
         #"sum(increase(nginx_ingress_controller_requests{namespace="shop",service="canary",status=~"5.."}[30s])) / sum(increase(nginx_ingress_controller_requests{namespace="shop",service="canary"}[30s]))"#),
        (.nginx, BuiltinMetric(metric: .successRate), 5,
         #"1 - (sum(increase(nginx_ingress_controller_requests{namespace="shop",service="canary",status=~"5.."}[10s])) / sum(increase(nginx_ingress_controller_requests{namespace="shop",service="canary"}[10s])))"#),
        (.nginx, BuiltinMetric(metric: .latency, percentile: 95), 60,
         #"histogram_quantile(0.95, sum by (le) (rate(nginx_ingress_controller_request_duration_seconds_bucket{namespace="shop",service="canary"}[60s]))) * 1000"#),
        (.nginx, BuiltinMetric(metric: .requestCount), 60,
         #"sum(increase(nginx_ingress_controller_requests{namespace="shop",service="canary"}[60s]))"#),
        (.istio, BuiltinMetric(metric: .errorRate), 60,
         #"sum(increase(istio_requests_total{destination_service_namespace="shop",destination_service_name="canary",reporter="destination",response_code=~"5.."}[60s])) / sum(increase(istio_requests_total{destination_service_namespace="shop",destination_service_name="canary",reporter="destination"}[60s]))"#),
        (.istio, BuiltinMetric(metric: .latency), 60,
         #"histogram_quantile(0.99, sum by (le) (rate(istio_request_duration_milliseconds_bucket{destination_service_namespace="shop",destination_service_name="canary",reporter="destination"}[60s])))"#),
    ])
    func eachBuiltinMetricIsAQueryOverTheRoutersMetrics(source: RouterMetricsQuery.Source, metric: BuiltinMetric, window: Int, expected: String) {
        #expect(RouterMetricsQuery(source: source, namespace: "shop", service: "canary", window: window).promQL(for: metric) == expected)
    }

    @Test func theJudgeReadsResponsesByStatusAndLatencyBucketsOverTheWindow() {
        let nginx = RouterMetricsQuery(source: .nginx, namespace: "shop", service: "canary", window: 30)
        #expect(nginx.statusesByCode == #"sum by (status) (increase(nginx_ingress_controller_requests{namespace="shop",service="canary"}[30s]))"#)
        #expect(nginx.latencyBuckets == #"sum by (le) (increase(nginx_ingress_controller_request_duration_seconds_bucket{namespace="shop",service="canary"}[30s]))"#)
        #expect(nginx.statusLabel == "status" && nginx.microsecondsPerBucketUnit == 1_000_000)
        let istio = RouterMetricsQuery(source: .istio, namespace: "shop", service: "canary", window: 30)
        #expect(istio.statusLabel == "response_code" && istio.microsecondsPerBucketUnit == 1_000)
        #expect(istio.statusesByCode.hasPrefix("sum by (response_code) (increase(istio_requests_total{"))
    }
}
