import Testing
@testable import TurnoutCore

/// Manifests Argo Rollouts accepts (its `rollout/validation` and `analysis` rules) lint without errors:
/// `Tests/Fixtures/argo`.
@Suite struct ArgoManifestLintTests {
    static let fixtures = LintFixture.names(in: "argo")

    @Test func fixturesExist() {
        #expect(Self.fixtures.count >= 9)
    }

    @Test(arguments: fixtures)
    func argoManifestHasNoErrors(_ file: String) {
        #expect(!LintFixture.load([file]).documents.isEmpty)
        #expect(LintFixture.diagnostics(file).filter(\.isError).map(\.rendered) == [])
    }

    /// A router Argo has and Turnout does not is a warning that names it, never "names no router".
    @Test(arguments: ["alb", "appMesh", "ambassador", "apisix", "smi", "traefik"])
    func unsupportedRouterIsAWarningNamingIt(_ router: String) {
        let diagnostics = LintFixture.diagnostics("argo/router-\(router).yaml")
        let warnings = diagnostics.filter { !$0.isError }.map(\.rendered)
        #expect(warnings.contains { $0.contains("trafficRouting.\(router): Turnout does not route traffic through \(router)") })
        #expect(!diagnostics.contains { $0.message.contains("names no router") })
        #expect(!diagnostics.contains { $0.message.contains("unknown") || $0.message.contains("not a field") })
    }

    @Test func argumentsInEveryMetricFieldAreAccepted() {
        let diagnostics = LintFixture.diagnostics("argo/analysis-args-everywhere.yaml")
        #expect(diagnostics.map(\.rendered) == [])
        let template = LintFixture.load(["argo/analysis-args-everywhere.yaml"]).analysisTemplates.first
        let metric = try! #require(template?.spec.metrics.first)
        #expect(metric.interval?.isArgumentPlaceholder == true)
        #expect(metric.initialDelay?.isArgumentPlaceholder == true)
        let resolved = try! metric.substitutingArguments(["analysis-interval": "45s", "measurements": "3", "failure-limit": "2", "inconclusive-limit": "1", "expected": "ok", "url": "http://x"])
        #expect(resolved.interval?.seconds == 45)
        #expect(resolved.interval?.isArgumentPlaceholder == false)
        #expect(resolved.count?.intValue == 3)
        #expect(resolved.failureLimit?.intValue == 2)
    }

    @Test func combinedStepsAndSeveralCanaryScaleFieldsAreWarningsAtMost() {
        let lines = LintFixture.lines("argo/canary-combined-steps.yaml")
        #expect(LintFixture.diagnostics("argo/canary-combined-steps.yaml").filter(\.isError).map(\.rendered) == [])
        #expect(lines.contains { $0.contains("steps[3].setCanaryScale.weight: weight 150 asks for more canary pods than spec.replicas") })
        #expect(lines.contains { $0.contains("steps[5].setCanaryScale: setCanaryScale has weight and replicas; only replicas is used") })
    }

    @Test func pingPongStandsInForCanaryAndStableServices() {
        let diagnostics = LintFixture.diagnostics("argo/canary-ping-pong.yaml")
        #expect(diagnostics.filter(\.isError).isEmpty)
        #expect(diagnostics.contains { $0.message.contains("ping-pong") && !$0.isError })
    }

    struct Refused: Sendable, CustomTestStringConvertible {
        var name: String
        var yaml: String
        var message: String
        var testDescription: String { name }
    }

    /// What Argo refuses stays an error.
    @Test(arguments: [
        Refused(name: "setWeight with pause", yaml: "      - setWeight: 10\n        pause: {}", message: "only one of setWeight, pause, analysis and experiment; this one has setWeight and pause"),
        Refused(name: "pause duration from an argument", yaml: "      - pause: {duration: \"{{args.wait}}\"}", message: "a pause duration cannot take"),
        Refused(name: "negative canary scale weight", yaml: "      - setCanaryScale: {weight: -1}", message: "weight cannot be negative"),
    ])
    func argoRefusalsStayErrors(_ row: Refused) {
        let yaml = InlineManifest.rollout("  strategy:\n    canary:\n      canaryService: c\n      stableService: s\n      trafficRouting:\n        nginx: {stableIngress: web}\n      steps:\n\(row.yaml)")
        let errors = LintFixture.lines(yaml: yaml).filter { !$0.contains(": warning:") }
        #expect(errors.contains { $0.contains(row.message) }, "\(errors)")
    }

    @Test func pingPongNeedsTwoDifferentServices() {
        let yaml = InlineManifest.rollout("  strategy:\n    canary:\n      pingPong: {pingService: same, pongService: same}\n      trafficRouting:\n        istio:\n          virtualService: {name: web}")
        let errors = LintFixture.lines(yaml: yaml).filter { !$0.contains(": warning:") }
        #expect(errors.contains { $0.contains("pingService and pongService are both `same`") })
    }
}
