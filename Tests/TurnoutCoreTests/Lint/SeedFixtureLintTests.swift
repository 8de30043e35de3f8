import Testing
@testable import TurnoutCore

@Suite struct SeedFixtureLintTests {
    static let seeds = LintFixture.names(in: "seeds")
    static let broken = LintFixture.names(in: "broken")

    private static let extensionsIngress =
        "warning: apiVersion: Ingress extensions/v1beta1 is deprecated and no longer served since Kubernetes 1.22; use apiVersion: networking.k8s.io/v1; backend.serviceName/servicePort became backend.service.name/port.number, and each path needs a pathType"
    private static let extensionsDeployment =
        "warning: apiVersion: Deployment extensions/v1beta1 is deprecated and no longer served since Kubernetes 1.16; use apiVersion: apps/v1; apps/v1 also requires spec.selector matching spec.template.metadata.labels"

    /// The warnings each seed listing earns as written in its source; seeds not listed have none.
    static let expectedWarnings: [String: [String]] = [
        "seeds/bluegreen_rollout.yaml": [
            "seeds/bluegreen_rollout.yaml:23:3: warning: spec.strategy: `Strategy` should be spelled `strategy`; accepted as `strategy`",
            "seeds/bluegreen_rollout.yaml:24:5: warning: spec.strategy.blueGreen: `bluegreen` should be spelled `blueGreen`; accepted as `blueGreen`",
        ],
        "seeds/rollout-with-analysis.yaml": [
            "seeds/rollout-with-analysis.yaml:12:5: warning: spec.strategy.canary: `Canary` should be spelled `canary`; accepted as `canary`",
            "seeds/rollout-with-analysis.yaml:14:23: warning: spec.strategy.canary.analysis.templateName: analysis template `pass` is not in these files; it must exist when the rollout runs",
        ],
        "seeds/deployment.yaml": [
            "seeds/deployment.yaml:36:5: warning: spec.Selector: field names are case-sensitive: Kubernetes ignores `Selector`, so this Service selects no pods; rename it to `selector`",
        ],
        "seeds/deployment-blue.yaml": ["seeds/deployment-blue.yaml:1:13: \(extensionsDeployment)"],
        "seeds/deployment-green.yaml": ["seeds/deployment-green.yaml:1:13: \(extensionsDeployment)"],
        "seeds/ingress-stable.yaml": ["seeds/ingress-stable.yaml:1:13: \(extensionsIngress)"],
        "seeds/ingress-stable-switched.yaml": ["seeds/ingress-stable-switched.yaml:1:13: \(extensionsIngress)"],
        "seeds/ingress-canary.yaml": ["seeds/ingress-canary.yaml:1:13: \(extensionsIngress)"],
        "seeds/ingress.yaml": ["seeds/ingress.yaml:1:13: \(extensionsIngress)"],
        "seeds/blue_ingress.yaml": ["seeds/blue_ingress.yaml:1:13: \(extensionsIngress)"],
        "seeds/green_ingress.yaml": ["seeds/green_ingress.yaml:1:13: \(extensionsIngress)"],
        "seeds/canary_ingress.yaml": ["seeds/canary_ingress.yaml:1:13: \(extensionsIngress)"],
    ]

    @Test func everySeedListingIsAFixture() {
        let required = [
            "bluegreen_rollout.yaml", "canary_rollout.yaml", "analysis-templates.yaml", "rollout-with-analysis.yaml", "ingress.yaml",
            "deployment-blue.yaml", "service-blue.yaml", "ingress-stable.yaml", "ingress-canary.yaml", "blue_deployment.yaml",
            "canary_ingress.yaml", "py-hello-blue_deployment.yaml", "py-hello-green_deployment.yaml", "py-hello-service.yaml",
        ]
        for name in required {
            #expect(Self.seeds.contains("seeds/\(name)"), "missing Tests/Fixtures/seeds/\(name)")
        }
        #expect(Self.seeds.count >= 30)
    }

    @Test(arguments: seeds)
    func seedHasNoErrors(_ file: String) {
        #expect(!LintFixture.load([file]).documents.isEmpty)
        #expect(LintFixture.diagnostics(file).filter(\.isError).map(\.rendered) == [])
    }

    @Test(arguments: seeds)
    func seedHasTheExpectedWarnings(_ file: String) {
        #expect(LintFixture.lines(file) == Self.expectedWarnings[file, default: []])
    }

    @Test func analysisTemplatesLoadedWithTheRolloutSatisfyItsReference() {
        #expect(LintFixture.lines("seeds/analysis-templates.yaml", "seeds/rollout-with-analysis.yaml") == [
            "seeds/rollout-with-analysis.yaml:12:5: warning: spec.strategy.canary: `Canary` should be spelled `canary`; accepted as `canary`",
        ])
    }

    @Test func allSeedsTogetherHaveNoErrors() {
        let diagnostics = LintFixture.diagnostics(Self.seeds)
        #expect(diagnostics.filter(\.isError).map(\.rendered) == [])
        // The book's listings are successive versions of the same objects: applied together, later ones replace earlier ones.
        #expect(diagnostics.contains { $0.message == "Rollout `demo` is also defined at seeds/bluegreen_rollout.yaml:4:9; applied together, this one replaces it" })
    }

    @Test func misspelledStrategiesStillLoad() {
        let blueGreen = LintFixture.load(["seeds/bluegreen_rollout.yaml"]).rollouts.first
        #expect(blueGreen?.spec.strategy?.blueGreen?.activeService == "demo-service")
        let canary = LintFixture.load(["seeds/rollout-with-analysis.yaml"]).rollouts.first
        #expect(canary?.spec.strategy?.canary?.analysis?.analysis.templateName == "pass")
        #expect(canary?.spec.strategy?.canary?.steps?.count == 2)
    }

    @Test(arguments: broken)
    func brokenFixtureHasItsExpectedDiagnostics(_ file: String) {
        let expected = LinterTests.allBrokenFixtures.first { "broken/\($0.file)" == file }
        #expect(expected != nil, "add \(file) to a LinterTests table")
        let lines = LintFixture.lines(file)
        #expect(!lines.isEmpty)
        #expect(lines == expected?.lines ?? [])
    }
}
