import Foundation
import KubernetesClient
import KubernetesTestSupport
import Testing
import TurnoutCore
import TurnoutKubernetes
import TurnoutTestSupport

/// The controller's analysis beyond the book's Job templates, on a real API server: a standalone AnalysisRun
/// with a `web` metric whose header comes from a Secret, and a canary step judged by a real Prometheus.
@Suite(.enabled(if: KubeTestEnvironment.isAvailable, KubeTestEnvironment.skipMessage))
struct AnalysisControllerTests {
    static func standaloneRun(url: String) -> String {
        """
        apiVersion: v1
        kind: Secret
        metadata: {name: checker}
        stringData: {token: s3cret}
        ---
        apiVersion: argoproj.io/v1alpha1
        kind: AnalysisRun
        metadata: {name: smoke}
        spec:
          args:
          - name: token
            valueFrom: {secretKeyRef: {name: checker, key: token}}
          metrics:
          - name: health
            count: 2
            interval: 1s
            successCondition: result.ok == true
            provider:
              web:
                url: \(url)/health
                headers: [{key: Authorization, value: "Bearer {{args.token}}"}]
        """
    }

    @Test(arguments: [(#"{"ok": true}"#, AnalysisPhase.successful), (#"{"ok": false}"#, AnalysisPhase.failed)])
    func aStandaloneRunIsMeasuredWithItsSecretArgument(answer: String, phase: AnalysisPhase) async throws {
        let server = try await TestHTTPServer.start { _ in CannedResponse(body: answer) }
        defer { Task { await server.stop() } }
        try await ControllerHarness.run("standalone") { harness in
            try await harness.apply(texts: [(file: "standalone.yaml", text: Self.standaloneRun(url: server.baseURL))])
            var run: ClusterAnalysisRun?
            try await harness.eventually("the standalone run ends \(phase.rawValue)") {
                run = try await harness.analysisRuns().first { $0.run.metadata.name == "smoke" }
                return run?.run.status?.phase == phase
            }
            let measurements = run?.run.status?.metricResults?.first?.measurements ?? []
            #expect(measurements.count == (phase == .successful ? 2 : 1), "a failure ends the run at once (failureLimit 0)")
            #expect(!server.requests.isEmpty)
            #expect(server.requests.allSatisfy { $0.headers["Authorization"].first == "Bearer s3cret" }, "the token is read from the Secret")
        }
    }

    @Test func aTerminatedStandaloneRunEndsSuccessfulWithoutMoreMeasurements() async throws {
        let server = try await TestHTTPServer.start { _ in CannedResponse(body: #"{"ok": true}"#) }
        defer { Task { await server.stop() } }
        try await ControllerHarness.run("terminate") { harness in
            let endless = Self.standaloneRun(url: server.baseURL).replacingOccurrences(of: "count: 2", with: "count: 1000")
            try await harness.apply(texts: [(file: "standalone.yaml", text: endless)])
            try await harness.eventually("the run has measured") { !server.requests.isEmpty }
            // What `turnout terminate analysisrun smoke` writes.
            let _: KubernetesJSON = try await harness.client.patch(harness.resources.analysisRuns, namespace: harness.namespace, name: "smoke", .merge(["spec": ["terminate": true]]))
            var run: ClusterAnalysisRun?
            try await harness.eventually("the terminated run ends") {
                run = try await harness.analysisRuns().first
                return run?.run.status?.phase == .successful
            }
            #expect(run?.run.status?.message == "terminated")
            let measured = server.requests.count
            try await Task.sleep(for: .seconds(2))
            #expect(server.requests.count == measured, "no measurement after the end")
        }
    }

    static func prometheusCanary(address: String, condition: String) -> String {
        """
        apiVersion: argoproj.io/v1alpha1
        kind: AnalysisTemplate
        metadata: {name: scraped}
        spec:
          metrics:
          - name: up
            count: 2
            interval: 1s
            successCondition: "\(condition)"
            provider:
              prometheus:
                address: \(address)
                query: sum(up{job="self"})
        ---
        apiVersion: argoproj.io/v1alpha1
        kind: Rollout
        metadata: {name: demo}
        spec:
          replicas: 2
          selector: {matchLabels: {app: demo}}
          template:
            metadata: {labels: {app: demo}}
            spec:
              containers: [{name: demo, image: "argoproj/rollouts-demo:blue"}]
          strategy:
            canary:
              steps:
              - setWeight: 50
              - analysis: {templates: [{templateName: scraped}]}
        """
    }

    @Test(.enabled(if: PrometheusServer.isAvailable, PrometheusServer.skipMessage), arguments: [true, false])
    func aCanaryStepIsJudgedByARealPrometheus(passes: Bool) async throws {
        let prometheus = try await PrometheusServer.start()
        defer { prometheus.stop() }
        try await ControllerHarness.run(passes ? "prompass" : "promfail") { harness in
            let condition = passes ? "result[0] == 1" : "result[0] == 0"
            try await harness.apply(texts: [(file: "canary.yaml", text: Self.prometheusCanary(address: prometheus.baseURL, condition: condition))])
            let blue = try await CanaryControllerTests.healthyStable(harness)
            try await harness.setImage("demo", "argoproj/rollouts-demo:green")
            try await harness.eventually(passes ? "the canary is promoted" : "the canary is aborted", timeout: .seconds(90)) {
                let status = try await harness.rollout("demo").status
                return passes ? (status?.stableRS != blue && status?.phase == .healthy) : status?.isAborted == true
            }
            let run = try #require(try await harness.analysisRuns().first)
            #expect(run.run.status?.phase == (passes ? .successful : .failed))
            #expect(run.run.status?.metricResults?.first?.measurements?.first?.value == "[1]", "the query's vector, as Prometheus answered it")
            if !passes {
                #expect(try await harness.rollout("demo").status?.stableRS == blue)
            }
        }
    }
}
