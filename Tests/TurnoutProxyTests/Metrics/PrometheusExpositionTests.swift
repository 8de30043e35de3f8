import Testing
@testable import TurnoutProxy

@Suite struct PrometheusExpositionTests {
    @Test func rendersCountersSummaryAndGauges() {
        let shard = RevisionMetrics(labels: MetricLabels(listener: "main", route: "web", revision: "abc"))
        shard.record(status: 200, latencyNanoseconds: 2_000_000)
        shard.record(status: 502, latencyNanoseconds: 4_000_000)
        shard.connectErrors = 3
        shard.inFlight = 1
        let text = PrometheusExposition.render(ProxyMetricsSnapshot(takenAt: .now, series: [shard.snapshot()]))
        #expect(text.contains(#"turnout_proxy_requests_total{listener="main",route="web",revision="abc",code="2xx"} 1"#))
        #expect(text.contains(#"turnout_proxy_requests_total{listener="main",route="web",revision="abc",code="5xx"} 1"#))
        #expect(text.contains(#"turnout_proxy_request_duration_seconds_count{listener="main",route="web",revision="abc"} 2"#))
        #expect(text.contains(#"turnout_proxy_request_duration_seconds_sum{listener="main",route="web",revision="abc"} 0.006000"#))
        #expect(text.contains(#"quantile="0.99""#))
        #expect(text.contains(#"turnout_proxy_upstream_connect_errors_total{listener="main",route="web",revision="abc"} 3"#))
        #expect(text.contains(#"turnout_proxy_requests_in_flight{listener="main",route="web",revision="abc"} 1"#))
        #expect(text.contains("# TYPE turnout_proxy_requests_total counter"))
    }

    @Test(arguments: [("plain", "plain"), ("a\"b", "a\\\"b"), ("a\\b", "a\\\\b"), ("a\nb", "a\\nb")])
    func escapesLabelValues(raw: String, escaped: String) {
        #expect(PrometheusExposition.escape(raw) == escaped)
    }
}
