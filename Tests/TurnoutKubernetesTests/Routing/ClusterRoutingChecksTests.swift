import Testing
import TurnoutCore

@testable import TurnoutKubernetes

/// Applying to a cluster refuses what the controller's routers cannot carry out, naming file, line and field.
struct ClusterRoutingChecksTests {
    static func rollout(routing: String, steps: String) -> String {
        """
        apiVersion: argoproj.io/v1alpha1
        kind: Rollout
        metadata: {name: demo}
        spec:
          selector: {matchLabels: {app: demo}}
          template:
            metadata: {labels: {app: demo}}
            spec:
              containers: [{name: demo, image: "argoproj/rollouts-demo:blue"}]
          strategy:
            canary:
              stableService: stable
              canaryService: canary
              trafficRouting:
        \(routing)
              steps:
        \(steps)
        """
    }

    static func errors(_ text: String) -> [Diagnostic] {
        LintedManifests(texts: [(file: "demo.yaml", text: text)], checks: ClusterRoutingChecks.diagnostics).errors
    }

    @Test func nginxWithWeightsAndOneHeaderRouteIsAccepted() {
        let text = Self.rollout(
            routing: "        nginx: {stableIngress: demo}\n        managedRoutes: [{name: testers}]",
            steps: "        - setWeight: 10\n        - setHeaderRoute: {name: testers, match: [{headerName: X-Canary, headerValue: {exact: \"yes\"}}]}")
        #expect(Self.errors(text).isEmpty, "\(Self.errors(text).map(\.rendered))")
    }

    @Test func aRouterTheControllerDoesNotCarryOutIsRefusedAtItsField() throws {
        let text = Self.rollout(routing: "        smi: {rootService: demo}", steps: "        - setWeight: 10")
        let error = try #require(Self.errors(text).first { $0.path == FieldPath(parsing: "spec.strategy.canary.trafficRouting") })
        #expect(error.location.file == "demo.yaml" && error.location.line == 14)
        #expect(error.message.contains("routes weights through nginx, istio and the Gateway API"))
        #expect(error.fix?.contains("remove trafficRouting to split by replica ratio") == true)
    }

    @Test func aMirrorStepAndATwoHeaderRouteThroughNginxAreRefused() {
        let text = Self.rollout(
            routing: "        nginx: {stableIngress: demo}\n        managedRoutes: [{name: mirror}, {name: two}]",
            steps: """
                    - setMirrorRoute: {name: mirror, percentage: 10, match: [{method: {exact: GET}}]}
                    - setHeaderRoute: {name: two, match: [{headerName: X-A, headerValue: {exact: "1"}}, {headerName: X-B, headerValue: {exact: "2"}}]}
            """)
        let errors = Self.errors(text)
        #expect(errors.map(\.path.description).sorted() == ["spec.strategy.canary.steps[0].setMirrorRoute", "spec.strategy.canary.steps[1].setHeaderRoute.match"])
        #expect(errors.contains { $0.message == "NGINX does not mirror canary traffic" })
    }
}

/// Applying analysis to a cluster says where builtin and judge metrics come from there.
struct ClusterAnalysisChecksTests {
    @Test func builtinAndJudgeMetricsAreWarnedAboutAtTheirProvider() {
        let text = """
            apiVersion: turnout.dev/v1alpha1
            kind: AnalysisTemplate
            metadata: {name: health}
            spec:
              metrics:
              - name: errors
                successCondition: result < 0.05
                provider:
                  builtin: {metric: error-rate}
              - name: judged
                provider:
                  judge:
                    metrics: [{name: latency, kind: latency, allowedIncrease: 1.1}]
              - name: scraped
                successCondition: result[0] == 1
                provider:
                  prometheus: {address: "http://prometheus:9090", query: up}
            """
        let warnings = LintedManifests(texts: [(file: "health.yaml", text: text)], checks: ClusterAnalysisChecks.diagnostics).diagnostics.filter { !$0.isError }
        #expect(warnings.map(\.path.description) == ["spec.metrics[0].provider.builtin", "spec.metrics[1].provider.judge"])
        #expect(warnings.first?.location.line == 9)
        #expect(warnings.first?.fix?.contains("--prometheus") == true)
    }
}
