import Foundation
import KubernetesClient
import KubernetesTestSupport
import Testing
import TurnoutCore
import TurnoutKubernetes

/// A rolling update without steps, the progress deadline, and a HorizontalPodAutoscaler driving the scale
/// subresource, reconciled by the controller on a real API server (the autoscaler is kube-controller-manager's).
@Suite(.enabled(if: KubeTestEnvironment.isAvailable, KubeTestEnvironment.skipMessage))
struct OperationsControllerTests {
    /// A canary rollout without steps; pods are Ready a second after they start.
    static func rollingRollout(replicas: Int, extra: String = "") -> String {
        """
        apiVersion: argoproj.io/v1alpha1
        kind: Rollout
        metadata: {name: demo}
        spec:
          replicas: \(replicas)
          selector: {matchLabels: {app: demo}}
        \(extra)
          template:
            metadata:
              labels: {app: demo}
              annotations: {turnout.dev/test-ready-after: 1s}
            spec:
              containers: [{name: demo, image: "argoproj/rollouts-demo:blue"}]
          strategy:
            canary: {maxSurge: 1, maxUnavailable: 0}
        """
    }

    @Test func aCanaryWithoutStepsRollsOutOnePodAtATimeWithinItsSurge() async throws {
        try await ControllerHarness.run("rolling") { harness in
            try await harness.apply(texts: [(file: "rolling.yaml", text: Self.rollingRollout(replicas: 3))])
            let blue = try await CanaryControllerTests.healthyStable(harness)
            try await harness.setImage("demo", "argoproj/rollouts-demo:green")
            var (mostPods, fewestAvailable) = (0, Int.max)
            try await harness.eventually("the new revision replaces the old one", timeout: .seconds(90)) {
                let sets = try await harness.replicaSets()
                mostPods = max(mostPods, sets.values.reduce(0) { $0 + ($1.spec.replicas ?? 0) })
                fewestAvailable = min(fewestAvailable, sets.values.reduce(0) { $0 + ($1.status?.availableReplicas ?? 0) })
                let status = try await harness.rollout("demo").status
                guard let green = sets.keys.first(where: { $0 != blue }) else { return false }
                return status?.stableRS == green && status?.phase == .healthy && sets[green]?.status?.availableReplicas == 3 && sets[blue]?.spec.replicas == 0
            }
            #expect(mostPods <= 4, "maxSurge 1 over 3 replicas")
            #expect(fewestAvailable >= 3, "maxUnavailable 0")
        }
    }

    @Test(arguments: [false, true])
    func aRevisionThatNeverBecomesReadyExceedsTheProgressDeadline(abort: Bool) async throws {
        try await ControllerHarness.run(abort ? "deadlineabort" : "deadline") { harness in
            let extra = "  progressDeadlineSeconds: 4\n  progressDeadlineAbort: \(abort)"
            try await harness.apply(texts: [(file: "deadline.yaml", text: Self.rollingRollout(replicas: 1, extra: extra))])
            let blue = try await CanaryControllerTests.healthyStable(harness)
            let _: KubernetesJSON = try await harness.client.patch(
                harness.resources.rollouts, namespace: harness.namespace, name: "demo",
                .json([
                    .replace("/spec/template/spec/containers/0/image", .string("argoproj/rollouts-demo:green")),
                    .add("/spec/template/metadata/annotations/turnout.dev~1test-never-ready", .string("true")),
                ]))
            // With abort the deadline's condition gives way to the abort's on the next reconcile, as in Argo: the
            // state that lasts is the one to wait for.
            let lastingReason: ConditionReason = abort ? .rolloutAborted : .progressDeadlineExceeded
            try await harness.eventually("the deadline passes and the rollout is degraded", timeout: .seconds(60)) {
                let status = try await harness.rollout("demo").status
                let progressing = status?.conditions?.first { $0.type == .progressing }
                return status?.phase == .degraded && progressing?.status == .false && progressing?.reason == lastingReason
            }
            let status = try #require(try await harness.rollout("demo").status)
            #expect(status.stableRS == blue)
            #expect(status.isAborted == abort)
            let reasons = try await harness.eventReasons("demo")
            #expect(reasons.contains("ProgressDeadlineExceeded"))
            #expect(reasons.contains("RolloutAborted") == abort)
            if abort { #expect(status.message?.contains("progress deadline of 4s exceeded") == true) }
            if abort {
                try await harness.eventually("the aborted revision is scaled down") {
                    try await harness.replicaSets().filter { $0.key != blue }.allSatisfy { $0.value.spec.replicas == 0 }
                }
            } else {
                #expect(try await harness.replicaSets().filter { $0.key != blue }.allSatisfy { $0.value.spec.replicas == 1 }, "without abort the new revision keeps trying")
            }
            #expect(try await harness.replicaSets()[blue]?.spec.replicas == 1)
        }
    }

    @Test func aHorizontalPodAutoscalerScalesTheRolloutThroughTheScaleSubresource() async throws {
        try await ControllerHarness.run("hpa") { harness in
            try await harness.apply(texts: [(file: "hpa.yaml", text: Self.rollingRollout(replicas: 1))])
            _ = try await CanaryControllerTests.healthyStable(harness)
            let autoscalers = ResourceType(group: "autoscaling", version: "v1", plural: "horizontalpodautoscalers", namespaced: true)
            let autoscaler: KubernetesJSON = [
                "apiVersion": "autoscaling/v1", "kind": "HorizontalPodAutoscaler",
                "metadata": ["name": "demo"],
                "spec": [
                    "scaleTargetRef": ["apiVersion": "argoproj.io/v1alpha1", "kind": "Rollout", "name": "demo"],
                    "minReplicas": 3, "maxReplicas": 5, "targetCPUUtilizationPercentage": 50,
                ],
            ]
            let _: KubernetesJSON = try await harness.client.create(autoscalers, namespace: harness.namespace, autoscaler)
            try await harness.eventually("the autoscaler raises the rollout to its minimum and the pods follow", timeout: .seconds(60)) {
                let rollout = try await harness.rollout("demo")
                let sets = try await harness.replicaSets()
                return rollout.spec.replicas == 3 && sets.values.contains { $0.spec.replicas == 3 && $0.status?.availableReplicas == 3 }
            }
            try await harness.eventually("the scale subresource reports what the autoscaler reads") {
                let scale = try await harness.client.scale(harness.resources.rollouts, namespace: harness.namespace, name: "demo")
                return scale.status?.replicas == 3 && scale.status?.selector == "app=demo"
            }
        }
    }
}
