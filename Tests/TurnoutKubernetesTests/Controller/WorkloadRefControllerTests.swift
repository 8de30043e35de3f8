import Foundation
import KubernetesClient
import KubernetesTestSupport
import Testing
import TurnoutCore
import TurnoutKubernetes

/// `workloadRef` on a real API server: a Rollout runs the pod template of an existing Deployment (run by
/// kube-controller-manager), scales the Deployment down as `scaleDown` says, and a change to the Deployment's
/// template starts the rollout's next revision.
@Suite(.enabled(if: KubeTestEnvironment.isAvailable, KubeTestEnvironment.skipMessage))
struct WorkloadRefControllerTests {
    static func manifests(scaleDown: String) -> String {
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: demo}
        spec:
          replicas: 3
          selector: {matchLabels: {app: demo}}
          template:
            metadata:
              labels: {app: demo}
              annotations: {turnout.dev/test-ready-after: 1s}
            spec:
              containers: [{name: demo, image: "argoproj/rollouts-demo:blue"}]
        ---
        apiVersion: argoproj.io/v1alpha1
        kind: Rollout
        metadata: {name: demo-rollout}
        spec:
          replicas: 3
          workloadRef: {apiVersion: apps/v1, kind: Deployment, name: demo, scaleDown: \(scaleDown)}
          strategy:
            canary:
              steps:
                - setWeight: 50
                - pause: {}
        """
    }

    @Test(arguments: ["never", "onsuccess", "progressively"])
    func theRolloutRunsTheDeploymentsTemplateAndScalesItDownAsAsked(scaleDown: String) async throws {
        try await ControllerHarness.run("wl\(scaleDown)") { harness in
            let documents = Self.manifests(scaleDown: scaleDown).components(separatedBy: "---\n")
            try await harness.apply(texts: [(file: "deployment.yaml", text: documents[0])])
            try await harness.eventuallyDeployment { $0.status?.readyReplicas == 3 }
            // The Deployment runs; then the rollout takes it over.
            try await harness.apply(texts: [(file: "rollout.yaml", text: documents[1])])
            var stable = ""
            try await harness.eventually("the rollout runs the Deployment's template and is healthy", timeout: .seconds(90)) {
                let rollout = try await harness.rollout("demo-rollout")
                stable = rollout.status?.stableRS ?? ""
                return rollout.status?.phase == .healthy && rollout.status?.availableReplicas == 3
            }
            let replicaSet = try #require(try await harness.replicaSets()[stable])
            #expect(replicaSet.spec.template.spec.containers.first?.image == "argoproj/rollouts-demo:blue")
            #expect(replicaSet.spec.selector.matchLabels?["app"] == "demo", "the Deployment's selector, narrowed to the revision")

            let expected = scaleDown == "never" ? 3 : 0
            _ = try await harness.eventuallyDeployment { $0.spec?.replicas == expected }

            // A new image in the Deployment is the rollout's next revision, run by its steps.
            let _: Deployment = try await harness.client.patch(
                .deployments, namespace: harness.namespace, name: "demo",
                .json([.replace("/spec/template/spec/containers/0/image", .string("argoproj/rollouts-demo:green"))]))
            try await harness.eventually("the Deployment's new template is a canary at the pause step") {
                let rollout = try await harness.rollout("demo-rollout")
                let sets = try await harness.replicaSets()
                let canary = sets.values.first { $0.podTemplateHash != stable && $0.metadata.name?.hasPrefix("demo-rollout-") == true }
                return rollout.status?.currentStepIndex == 1 && canary?.spec.template.spec.containers.first?.image == "argoproj/rollouts-demo:green"
            }
            #expect(try await harness.deployment().spec?.replicas == expected, "only the first revision scales the Deployment")
        }
    }

    @Test func aMissingDeploymentIsAReconcileFailedEvent() async throws {
        try await ControllerHarness.run("wlmissing") { harness in
            let manifests = Self.manifests(scaleDown: "never").components(separatedBy: "---\n")[1]
            try await harness.apply(texts: [(file: "rollout.yaml", text: manifests)])
            try await harness.eventually("an Event names the missing Deployment") {
                try await harness.eventReasons("demo-rollout").contains("ReconcileFailed")
            }
            #expect(try await harness.replicaSets().isEmpty)
        }
    }
}

extension ControllerHarness {
    /// The Deployment `demo`.
    func deployment() async throws -> Deployment {
        try await client.get(.deployments, namespace: namespace, name: "demo")
    }

    /// Polls the Deployment `demo` until `condition` holds and returns it.
    @discardableResult
    func eventuallyDeployment(_ condition: @escaping (Deployment) -> Bool) async throws -> Deployment {
        var last: Deployment?
        try await eventually("the Deployment reaches the expected state", timeout: .seconds(60)) {
            last = try await deployment()
            return last.map(condition) ?? false
        }
        return try #require(last)
    }
}
