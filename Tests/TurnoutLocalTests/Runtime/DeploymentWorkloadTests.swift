import Foundation
import Testing
import TurnoutCore
import TurnoutLocal

@Suite struct DeploymentWorkloadTests {
    /// The documents of `yaml` after translation, and the translation's diagnostics.
    static func translate(_ yaml: String) -> (documents: [ManifestDocument], diagnostics: [Diagnostic]) {
        let set = ManifestLoader.load(text: yaml, file: "app.yaml")
        #expect(set.diagnostics.filter(\.isError).isEmpty, "\(set.diagnostics.map(\.rendered))")
        return DeploymentWorkload.translate(set.documents)
    }

    /// The one Rollout `yaml` translates to.
    static func rollout(_ yaml: String) throws -> Rollout {
        let result = translate(yaml)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.rendered))")
        guard case .rollout(let rollout)? = result.documents.first?.object else { throw TranslationFailed() }
        return rollout
    }

    struct TranslationFailed: Error {}

    static func deployment(apiVersion: String = "apps/v1", kind: String = "Deployment", spec: String) -> String {
        """
        apiVersion: \(apiVersion)
        kind: \(kind)
        metadata:
          name: web
          labels: {team: a}
        spec:
        \(spec.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n"))
          template:
            metadata:
              labels: {app: web, track: blue}
            spec:
              containers:
              - name: web
                image: nginx:1.7.9
                ports: [{containerPort: 80}]
        """
    }

    @Test(arguments: [
        // apps/v1 defaults to 25% surged and 25% unavailable
        ("apps/v1", "Deployment", "replicas: 3", IntOrPercent.percent(25), IntOrPercent.percent(25)),
        // extensions/v1beta1 defaulted to one of each
        ("extensions/v1beta1", "Deployment", "replicas: 3", .count(1), .count(1)),
        ("apps/v1", "Deployment", "strategy: {type: RollingUpdate, rollingUpdate: {maxSurge: 3, maxUnavailable: 3}}", .count(3), .count(3)),
        ("apps/v1", "Deployment", "strategy: {rollingUpdate: {maxSurge: \"50%\"}}", .percent(50), .percent(25)),
        // Recreate: nothing surged, everything unavailable
        ("apps/v1", "Deployment", "strategy: {type: Recreate}", .count(0), .percent(100)),
        // a ReplicaSet has no strategy of its own
        ("apps/v1", "ReplicaSet", "replicas: 2", .percent(25), .percent(25)),
    ])
    func updateStrategyBecomesARollingCanaryWithoutSteps(apiVersion: String, kind: String, spec: String, surge: IntOrPercent, unavailable: IntOrPercent) throws {
        let rollout = try Self.rollout(Self.deployment(apiVersion: apiVersion, kind: kind, spec: spec))
        let canary = try #require(rollout.spec.strategy?.canary)
        #expect(canary.steps == [])
        #expect(canary.trafficRouting == nil)
        #expect(canary.maxSurge == surge)
        #expect(canary.maxUnavailable == unavailable)
        #expect(DeploymentWorkload.sourceKind(of: rollout) == kind)
    }

    @Test func nameReplicasTemplateAndSettingsCarryOver() throws {
        let rollout = try Self.rollout(Self.deployment(spec: "replicas: 4\nminReadySeconds: 5\nrevisionHistoryLimit: 2\nprogressDeadlineSeconds: 90\npaused: true"))
        #expect(rollout.name == "web")
        #expect(rollout.metadata.labels == ["team": "a"])
        #expect(rollout.metadata.annotations?[DeploymentWorkload.sourceKindAnnotation] == "Deployment")
        #expect(rollout.spec.replicas == 4)
        #expect(rollout.spec.minReadySeconds == 5)
        #expect(rollout.spec.revisionHistoryLimit == 2)
        #expect(rollout.spec.progressDeadlineSeconds == 90)
        #expect(rollout.spec.paused == true)
        #expect(rollout.spec.template?.spec.containers.map(\.image) == ["nginx:1.7.9"])
    }

    @Test func aMissingSelectorSelectsTheTemplateLabels() throws {
        let rollout = try Self.rollout(Self.deployment(apiVersion: "extensions/v1beta1", spec: "replicas: 3"))
        #expect(rollout.spec.selector?.matchLabels == ["app": "web", "track": "blue"])
        let written = try Self.rollout(Self.deployment(spec: "selector: {matchLabels: {app: web}}"))
        #expect(written.spec.selector?.matchLabels == ["app": "web"])
    }

    @Test(arguments: [
        ("selector: {matchLabels: {app: other}}", "spec.selector", "does not match the template's labels"),
        ("strategy: {type: Blue}", "spec.strategy", "unknown strategy type Blue"),
        ("strategy: {rollingUpdate: {maxSurge: 0, maxUnavailable: 0}}", "spec.strategy", "cannot both be 0"),
        ("strategy: {rollingUpdate: {maxSurge: lots}}", "spec.strategy", "rollingUpdate cannot be read"),
    ])
    func problemsAreLocatedErrorsWithAFix(spec: String, path: String, message: String) {
        let result = Self.translate(Self.deployment(spec: spec))
        #expect(result.documents.isEmpty)
        let diagnostic = result.diagnostics.first
        #expect(diagnostic?.isError == true)
        #expect(diagnostic?.path.description == path)
        #expect(diagnostic?.message.contains(message) == true, "\(diagnostic?.message ?? "")")
        #expect(diagnostic?.fix?.isEmpty == false)
        #expect(diagnostic?.location.file == "app.yaml")
        #expect((diagnostic?.location.line ?? 0) > 5)
    }

    @Test func aDeploymentWithoutTemplateIsAnError() {
        let result = Self.translate("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  replicas: 1\n")
        #expect(result.diagnostics.map(\.message) == ["Deployment web has no pod template"])
        #expect(result.diagnostics.first?.location.line == 5)
    }

    @Test func otherObjectsPassUnchanged() {
        let yaml = "apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  selector: {app: web}\n"
        let set = ManifestLoader.load(text: yaml, file: "svc.yaml")
        #expect(DeploymentWorkload.translate(set.documents).documents == set.documents)
    }

    @Test func theSeedsPlainDeploymentsAllTranslate() throws {
        let seeds = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/seeds")
        for file in ["deployment-blue.yaml", "deployment-green.yaml", "blue_deployment.yaml", "green_deployment.yaml", "deployment.yaml",
                     "deployment2.yaml", "ReplicaSet.yaml", "blue.yaml", "green.yaml", "py-hello-blue_deployment.yaml"] {
            let set = ManifestLoader.load(data: try Data(contentsOf: seeds.appendingPathComponent(file)), file: file)
            let result = DeploymentWorkload.translate(set.documents)
            #expect(result.diagnostics.isEmpty, "\(file): \(result.diagnostics.map(\.rendered))")
            #expect(result.documents.contains { if case .rollout = $0.object { true } else { false } }, "\(file)")
        }
    }
}
