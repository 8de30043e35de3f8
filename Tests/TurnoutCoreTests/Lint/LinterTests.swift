import Testing
@testable import TurnoutCore

@Suite struct LinterTests {
    /// A file under `Tests/Fixtures/broken` and every line `turnout lint` prints for it.
    struct BrokenFixture: Sendable, CustomTestStringConvertible {
        var file: String
        var lines: [String]

        init(_ file: String, _ lines: [String]) {
            self.file = file
            self.lines = lines
        }

        var testDescription: String { file }
    }

    /// Every broken fixture with its expected lines, across all rule tables.
    static var allBrokenFixtures: [BrokenFixture] {
        rolloutFixtures + blueGreenFixtures + canaryFixtures + canaryStepFixtures + trafficRoutingFixtures
            + analysisReferenceFixtures + analysisTemplateFixtures + otherKindFixtures
    }

    static let rolloutFixtures: [BrokenFixture] = [
        BrokenFixture("rollout-missing-name.yaml", [
            "broken/rollout-missing-name.yaml:3:1: metadata.name: a Rollout needs a name; add `name:` under metadata, e.g. `name: demo`",
        ]),
        BrokenFixture("rollout-missing-selector.yaml", [
            "broken/rollout-missing-selector.yaml:5:1: spec.selector: missing required field `selector`; add `selector: {matchLabels: ...}` with the labels of spec.template.metadata.labels",
        ]),
        BrokenFixture("selector-mismatch.yaml", [
            "broken/selector-mismatch.yaml:9:12: spec.selector.matchLabels.app: selector does not match template labels: `app` is `demo` here but `blue` in spec.template.metadata.labels; use the same value in both places",
        ]),
        BrokenFixture("selector-empty.yaml", [
            "broken/selector-empty.yaml:7:13: spec.selector: an empty selector is invalid: it would select every pod; add matchLabels with the labels of spec.template.metadata.labels",
        ]),
        BrokenFixture("rollout-missing-template.yaml", [
            "broken/rollout-missing-template.yaml:5:1: spec.template: missing required field `template`; add the pod template: spec.template.metadata.labels and spec.template.spec.containers",
        ]),
        BrokenFixture("rollout-workloadref.yaml", [
            "broken/rollout-workloadref.yaml:12:11: spec.workloadRef.kind: workloadRef names apps/v1 StatefulSet; Turnout reads the template of an apps/v1 Deployment; set `apiVersion: apps/v1` and `kind: Deployment`, or copy the pod template into spec.template",
            "broken/rollout-workloadref.yaml:14:16: spec.workloadRef.scaleDown: scaleDown must be never, onsuccess or progressively, got `always`; use one of never, onsuccess, progressively",
        ]),
        BrokenFixture("template-no-containers.yaml", [
            "broken/template-no-containers.yaml:15:19: spec.template.spec.containers: a pod template needs at least one container; add a container with a name and an image",
        ]),
        BrokenFixture("replicas-negative.yaml", [
            "broken/replicas-negative.yaml:6:13: spec.replicas: replicas cannot be negative, got -1; use 0 or more",
        ]),
        BrokenFixture("strategy-both.yaml", [
            "broken/strategy-both.yaml:19:5: spec.strategy: set one strategy, not both blueGreen and canary; remove strategy.blueGreen or strategy.canary",
        ]),
        BrokenFixture("strategy-none.yaml", [
            "broken/strategy-none.yaml:5:1: spec.strategy: a Rollout needs a strategy: blueGreen or canary; add `strategy: {blueGreen: {activeService: NAME}}` or `strategy: {canary: {steps: [...]}}`",
        ]),
        BrokenFixture("duplicate-names.yaml", [
            "broken/duplicate-names.yaml:28:9: metadata.name: a second Rollout named `demo` in this file; the first is at broken/duplicate-names.yaml:4:9; give each Rollout its own name, or keep only one of them",
        ]),
    ]

    @Test(arguments: rolloutFixtures)
    func rolloutRules(_ fixture: BrokenFixture) {
        #expect(LintFixture.lines("broken/\(fixture.file)") == fixture.lines)
    }

    static let blueGreenFixtures: [BrokenFixture] = [
        BrokenFixture("bluegreen-missing-active.yaml", [
            "broken/bluegreen-missing-active.yaml:19:5: spec.strategy.blueGreen.activeService: missing required field `activeService`; name the Service that receives production traffic, e.g. `activeService: demo-active`",
        ]),
        BrokenFixture("bluegreen-same-services.yaml", [
            "broken/bluegreen-same-services.yaml:21:23: spec.strategy.blueGreen.previewService: previewService and activeService are both `demo`; two different Services are required; create a second Service for the preview, or remove previewService",
        ]),
        BrokenFixture("bluegreen-preview-zero.yaml", [
            "broken/bluegreen-preview-zero.yaml:22:28: spec.strategy.blueGreen.previewReplicaCount: previewReplicaCount must be at least 1, got 0; use 1 or more, or remove it to preview with all replicas",
        ]),
        BrokenFixture("bluegreen-preview-over.yaml", [
            "broken/bluegreen-preview-over.yaml:22:28: warning: spec.strategy.blueGreen.previewReplicaCount: previewReplicaCount 5 is more than the rollout's 3 replicas; use at most 3",
        ]),
        BrokenFixture("bluegreen-autopromotion-seconds.yaml", [
            "broken/bluegreen-autopromotion-seconds.yaml:23:29: warning: spec.strategy.blueGreen.autoPromotionSeconds: autoPromotionSeconds (60) is ignored because autoPromotionEnabled is false; remove it, or set autoPromotionEnabled: true",
        ]),
        BrokenFixture("bluegreen-negative-delay.yaml", [
            "broken/bluegreen-negative-delay.yaml:22:30: spec.strategy.blueGreen.scaleDownDelaySeconds: scaleDownDelaySeconds cannot be negative, got -30; use 0 or more",
        ]),
    ]

    @Test(arguments: blueGreenFixtures)
    func blueGreenRules(_ fixture: BrokenFixture) {
        #expect(LintFixture.lines("broken/\(fixture.file)") == fixture.lines)
    }

    static let otherKindFixtures: [BrokenFixture] = [
        BrokenFixture("deprecated-ingress.yaml", [
            "broken/deprecated-ingress.yaml:1:13: warning: apiVersion: Ingress networking.k8s.io/v1beta1 is deprecated and no longer served since Kubernetes 1.22; use apiVersion: networking.k8s.io/v1; backend.serviceName/servicePort became backend.service.name/port.number, and each path needs a pathType",
        ]),
        BrokenFixture("deprecated-deployment.yaml", [
            "broken/deprecated-deployment.yaml:1:13: warning: apiVersion: Deployment apps/v1beta2 is deprecated and no longer served since Kubernetes 1.16; use apiVersion: apps/v1",
        ]),
        BrokenFixture("deprecated-cronjob.yaml", [
            "broken/deprecated-cronjob.yaml:1:13: warning: apiVersion: CronJob batch/v1beta1 is deprecated and no longer served since Kubernetes 1.25; use apiVersion: batch/v1",
        ]),
        BrokenFixture("service-selector-case.yaml", [
            "broken/service-selector-case.yaml:10:5: warning: spec.Selector: field names are case-sensitive: Kubernetes ignores `Selector`, so this Service selects no pods; rename it to `selector`",
        ]),
        BrokenFixture("nginx-v1-placeholder-image.yaml", [
            "broken/nginx-v1-placeholder-image.yaml:18:33: did not find expected key; check the indentation of this line",
        ]),
    ]

    @Test(arguments: otherKindFixtures)
    func otherKindRules(_ fixture: BrokenFixture) {
        #expect(LintFixture.lines("broken/\(fixture.file)") == fixture.lines)
    }

    @Test(arguments: ["examples/canary.yaml", "examples/bluegreen.yaml", "examples/analysis-builtin.yaml"])
    func examplesHaveNoDiagnostics(_ file: String) {
        let set = LintFixture.load([file])
        #expect(!set.documents.isEmpty)
        #expect(LintFixture.lines(file) == [])
    }

    @Test func sameObjectInTwoFilesIsAWarning() {
        #expect(LintFixture.lines("broken/setweight-over.yaml", "examples/canary.yaml").suffix(1) == [
            "examples/canary.yaml:7:9: warning: metadata.name: Rollout `demo` is also defined at broken/setweight-over.yaml:4:9; applied together, this one replaces it; keep one definition, or apply the files separately",
        ])
    }

    @Test func bothExamplesTogetherHaveNoDiagnostics() {
        #expect(LintFixture.lines("examples/canary.yaml", "examples/bluegreen.yaml") == [])
    }

    /// A field that is written but fails to decode is reported once, by the loader, not again as missing.
    @Test(arguments: [
        InlineManifest.rollout("  strategy:\n    canary:\n      steps:\n      - setWeight: \"20\""),
        InlineManifest.rollout("  strategy:\n    canary: 5"),
        InlineManifest.rollout("  strategy:\n    blueGreen:\n      activeService: [a, b]"),
        InlineManifest.rollout("  strategy:\n    canary: {}").replacingOccurrences(of: "name: demo\nspec", with: "name: [demo]\nspec"),
        InlineManifest.rollout("  strategy:\n    canary: {}").replacingOccurrences(of: "      containers:", with: "      containerz:"),
    ])
    func invalidFieldIsNotAlsoReportedMissing(_ yaml: String) {
        let set = ManifestLoader.load(text: yaml, file: "inline.yaml")
        #expect(set.hasErrors)
        #expect(set.rollouts.count == 1)
        #expect(Linter.lint(set).map(\.rendered) == [])
    }

    @Test func emptySetHasNoDiagnostics() {
        #expect(Linter.lint(ManifestSet()) == [])
    }

    /// Every prefix of every fixture is linted without crashing, whatever the loader could make of it.
    @Test func neverCrashesOnTruncatedFiles() {
        let names = LintFixture.names(in: "seeds") + LintFixture.names(in: "broken") + ["examples/canary.yaml", "examples/bluegreen.yaml", "examples/analysis-builtin.yaml"]
        var linted = 0
        for name in names {
            let lines = LintFixture.text(name).split(separator: "\n", omittingEmptySubsequences: false)
            for count in 0...lines.count {
                let text = lines.prefix(count).joined(separator: "\n")
                _ = Linter.lint(ManifestLoader.load(text: text, file: name))
                linted += 1
            }
        }
        #expect(linted > 1000)
    }
}
