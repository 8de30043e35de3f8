import Foundation
import KubernetesClient
import KubernetesTestSupport
import Testing
import TurnoutCore
import TurnoutKubernetes
import TurnoutTestSupport

/// The `builtin` provider on a cluster: a rollout behind NGINX judged by ingress-nginx's metrics, read from a
/// real Prometheus scraping an exporter that serves those series at known rates, so the PromQL is evaluated by
/// Prometheus itself. The same AnalysisTemplate runs on a single host against the embedded proxy.
@Suite(.enabled(if: KubeTestEnvironment.isAvailable && PrometheusServer.isAvailable, "needs the test API server and Prometheus"))
struct RouterMetricsAnalysisTests {
    /// An AnalysisTemplate `router-health` with `metrics` (YAML under `metrics:`), the Services, book listing
    /// 5.7's Ingress and a rollout behind NGINX whose second step runs the template.
    static func manifests(metrics: String) -> String {
        """
        apiVersion: turnout.dev/v1alpha1
        kind: AnalysisTemplate
        metadata: {name: router-health}
        spec:
          metrics:
        \(metrics)
        ---
        \(RoutedRolloutManifest.services)
        ---
        \(RoutedRolloutManifest.stableIngress())
        ---
        \(RoutedRolloutManifest.rollout(
            group: "turnout.dev", routing: "            nginx: {stableIngress: demo-ingress}",
            steps: "        - setWeight: 20\n        - analysis: {templates: [{templateName: router-health}]}"))
        """
    }

    /// Error rate and latency from builtin.
    static let builtinMetrics = """
          - name: errors
            interval: 10s
            count: 2
            successCondition: result < 0.05
            provider:
              builtin: {metric: error-rate}
          - name: latency
            interval: 10s
            count: 2
            successCondition: result < 200
            provider:
              builtin: {metric: latency, percentile: 99}
        """

    /// The judge over the same metrics: a canary as fast as stable passes, one five times slower fails.
    static let judgedMetrics = """
          - name: judged
            interval: 10s
            count: 1
            provider:
              judge:
                metrics: [{name: latency, kind: latency, allowedIncrease: 1.5, critical: true}]
        """

    @Test(arguments: [true, false])
    func theJudgeComparesTheCanarysAndTheStablesLatencyBucketsFromPrometheus(asFast: Bool) async throws {
        let exporter = try await IngressNginxExporter.start(traffic: [
            "stable-svc": .init(requestsPerSecond: 20, errorShare: 0, latencyBound: 0.1),
            "canary-svc": .init(requestsPerSecond: 20, errorShare: 0, latencyBound: asFast ? 0.1 : 0.5),
        ])
        let prometheus = try await PrometheusServer.start(scraping: [exporter.target])
        defer { prometheus.stop() }
        let manifests = Self.manifests(metrics: Self.judgedMetrics)
        try await ControllerHarness.run(asFast ? "judgeok" : "judgeslow", group: .turnout, prometheus: prometheus.baseURL) { harness in
            exporter.setNamespace(harness.namespace)
            try await harness.apply(texts: [(file: "judged.yaml", text: manifests)])
            let blue = try await CanaryControllerTests.healthyStable(harness)
            try await harness.setImage("demo", "argoproj/rollouts-demo:green")
            try await harness.eventually(asFast ? "the canary is promoted" : "the canary is aborted", timeout: .seconds(120)) {
                let status = try await harness.rollout("demo").status
                return asFast ? (status?.stableRS != blue && status?.phase == .healthy) : status?.isAborted == true
            }
            let run = try #require(try await harness.analysisRuns().first)
            #expect(run.run.status?.phase == (asFast ? .successful : .failed))
        }
        await exporter.stop()
    }

    @Test(arguments: [true, false])
    func aCanaryBehindNginxIsJudgedByIngressNginxMetricsInPrometheus(healthy: Bool) async throws {
        let exporter = try await IngressNginxExporter.start(traffic: [
            "stable-svc": .init(requestsPerSecond: 40, errorShare: 0),
            "canary-svc": .init(requestsPerSecond: 10, errorShare: healthy ? 0 : 0.5),
        ])
        let prometheus = try await PrometheusServer.start(scraping: [exporter.target])
        defer { prometheus.stop() }
        try await ControllerHarness.run(healthy ? "routerok" : "routerbad", group: .turnout, prometheus: prometheus.baseURL) { harness in
            exporter.setNamespace(harness.namespace)
            try await harness.apply(texts: [(file: "router.yaml", text: Self.manifests(metrics: Self.builtinMetrics))])
            let blue = try await CanaryControllerTests.healthyStable(harness)
            try await harness.setImage("demo", "argoproj/rollouts-demo:green")
            try await harness.eventually(healthy ? "the canary is promoted" : "the canary is aborted", timeout: .seconds(120)) {
                let status = try await harness.rollout("demo").status
                return healthy ? (status?.stableRS != blue && status?.phase == .healthy) : status?.isAborted == true
            }
            let run = try #require(try await harness.analysisRuns().first)
            #expect(run.run.status?.phase == (healthy ? .successful : .failed))
            let results = run.run.status?.metricResults ?? []
            let errors = try #require(results.first { $0.name == "errors" }?.measurements?.first?.value.flatMap(Double.init))
            #expect(abs(errors - (healthy ? 0 : 0.5)) < 0.01, "the canary Service's 5xx share, as Prometheus computed it")
            if healthy {
                // Every request took (0.05, 0.1] s: the 99th percentile interpolates to 99.5 ms.
                let latency = try #require(results.first { $0.name == "latency" }?.measurements?.first?.value.flatMap(Double.init))
                #expect(abs(latency - 99.5) < 0.5)
            }
        }
        await exporter.stop()
    }
}
