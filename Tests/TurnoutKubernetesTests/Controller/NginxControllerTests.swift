import Foundation
import KubernetesClient
import KubernetesTestSupport
import Testing
import TurnoutCore
import TurnoutKubernetes
import TurnoutService

/// `trafficRouting.nginx` on a real API server: the canary Ingress book listing 5.11 writes by hand is what a
/// step produces, its weight is read back before a step counts, an edit behind the controller's back is put
/// back, a change to the stable Ingress is followed, a header route becomes `canary-by-header`, abort returns
/// all weight to stable and removes the route, and full promotion removes the canary Ingress. (No ingress-nginx runs here: the Ingress objects are the data plane checked.)
@Suite(.enabled(if: KubeTestEnvironment.isAvailable, KubeTestEnvironment.skipMessage))
struct NginxControllerTests {
    /// Book listings 5.7/5.11's objects in `networking.k8s.io/v1` form, and a rollout routing through them.
    static let manifests = [
        RoutedRolloutManifest.services(stable: "blue-service", canary: "green-service"),
        RoutedRolloutManifest.stableIngress(service: "blue-service"),
        RoutedRolloutManifest.rollout(
            routing: "            nginx: {stableIngress: demo-ingress}\n            managedRoutes: [{name: testers}]",
            steps: """
                        - setWeight: 25
                        - pause: {}
                        - setHeaderRoute:
                            name: testers
                            match: [{headerName: X-Canary, headerValue: {exact: "yes"}}]
                        - setWeight: 50
                        - pause: {}
                """,
            stableService: "blue-service", canaryService: "green-service"),
    ].joined(separator: "\n---\n")

    static let canaryName = "demo-demo-ingress-canary"

    /// demo.info's `/` sent to a Service's port 80.
    static func rules(host: String = "demo.info", to service: String) -> KubernetesJSON {
        [["host": .string(host), "http": ["paths": [["path": "/", "pathType": "Prefix", "backend": ["service": ["name": .string(service), "port": ["number": 80]]]]]]]]
    }

    @Test func weightsAndAHeaderRouteAreWrittenReadBackRestoredAndRemovedOnFullPromotion() async throws {
        try await ControllerHarness.run("nginx") { harness in
            try await harness.apply(texts: [(file: "nginx.yaml", text: Self.manifests)])
            let blue = try await CanaryControllerTests.healthyStable(harness)
            #expect(try await harness.canaryIngress() == nil, "a healthy rollout has no canary Ingress")
            try await harness.setImage("demo", "argoproj/rollouts-demo:green")

            try await harness.eventually("the 25 % step is in effect and verified, paused after it") {
                let status = try await harness.rollout("demo").status
                let weights = status?.canary?.weights
                return status?.currentStepIndex == 1 && weights?.canary.weight == 25 && weights?.verified == true
            }
            let canary = try #require(try await harness.canaryIngress())
            // Book listing 5.11 at 25 %: canary "true", the weight, demo.info's "/" to the canary (green) Service.
            #expect(canary.metadata.annotations == ["nginx.ingress.kubernetes.io/canary": "true", "nginx.ingress.kubernetes.io/canary-weight": "25"])
            #expect(canary.spec?["rules"] == Self.rules(to: "green-service"))
            #expect(canary.metadata.controllerReference?.name == "demo")
            let green = try #require(try await harness.rollout("demo").status?.currentPodHash)
            #expect(try await harness.service("green-service").selectedHash == green)
            #expect(try await harness.service("blue-service").selectedHash == blue)

            // Someone else changes the weight: it is put back, and an Event says so.
            let _: Ingress = try await harness.client.patch(
                .ingresses, namespace: harness.namespace, name: Self.canaryName,
                .merge(["metadata": ["annotations": ["nginx.ingress.kubernetes.io/canary-weight": "90"]]]))
            try await harness.eventually("the edited weight is put back to 25") {
                let weight = try await harness.canaryIngress()?.metadata.annotations?["nginx.ingress.kubernetes.io/canary-weight"]
                let reasons = try await harness.eventReasons("demo")
                return weight == "25" && reasons.contains("TrafficRestored")
            }

            // The stable Ingress changes host: the canary Ingress follows.
            let _: Ingress = try await harness.client.patch(
                .ingresses, namespace: harness.namespace, name: "demo-ingress", .merge(["spec": ["rules": Self.rules(host: "demo.example", to: "blue-service")]]))
            try await harness.eventually("the canary Ingress follows the stable Ingress's rules") {
                try await harness.canaryIngress()?.spec?["rules"] == Self.rules(host: "demo.example", to: "green-service")
            }

            let runtime = ClusterRuntime(client: harness.client, namespace: harness.namespace, group: .argo)
            _ = try await runtime.perform(.promote, onRollout: "demo", OperationRequest())
            try await harness.eventually("the header route and the 50 % step are in effect and verified") {
                let status = try await harness.rollout("demo").status
                return status?.currentStepIndex == 4 && status?.canary?.weights?.canary.weight == 50 && status?.canary?.weights?.verified == true
            }
            let routed = try #require(try await harness.canaryIngress()?.metadata.annotations)
            #expect(routed["nginx.ingress.kubernetes.io/canary-weight"] == "50")
            #expect(routed["nginx.ingress.kubernetes.io/canary-by-header"] == "X-Canary")
            #expect(routed["nginx.ingress.kubernetes.io/canary-by-header-value"] == "yes")
            #expect(try await harness.rollout("demo").status?.canary?.activeRoutes == ["testers"])

            _ = try await runtime.perform(.abort, onRollout: "demo", OperationRequest())
            try await harness.eventually("abort returns all weight to stable and removes the header route") {
                let status = try await harness.rollout("demo").status
                let annotations = try await harness.canaryIngress()?.metadata.annotations
                return status?.isAborted == true && annotations?["nginx.ingress.kubernetes.io/canary-weight"] == "0"
                    && annotations?["nginx.ingress.kubernetes.io/canary-by-header"] == nil
                    && status?.canary?.weights?.canary.weight == 0 && status?.stableRS == blue
            }

            _ = try await runtime.perform(.retry, onRollout: "demo", OperationRequest())
            _ = try await runtime.perform(.promote, onRollout: "demo", OperationRequest(full: true))
            try await harness.eventually("full promotion makes green stable and removes the canary Ingress", timeout: .seconds(90)) {
                let status = try await harness.rollout("demo").status
                let canary = try await harness.canaryIngress()
                return status?.phase == .healthy && status?.stableRS == green && canary == nil
            }
            #expect(try await harness.service("blue-service").selectedHash == green)
        }
    }

    @Test func everyStableIngressGetsACanaryCountedTogetherAndDeletingTheRolloutRemovesThem() async throws {
        try await ControllerHarness.run("nginxtwo") { harness in
            let second = """
                ---
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata: {name: admin-ingress}
                spec:
                  rules:
                    - host: admin.demo.info
                      http:
                        paths:
                          - {path: /, pathType: Prefix, backend: {service: {name: blue-service, port: {number: 80}}}}
                """
            let manifests = Self.manifests.replacingOccurrences(of: "nginx: {stableIngress: demo-ingress}", with: "nginx: {stableIngresses: [demo-ingress, admin-ingress]}") + "\n" + second
            try await harness.apply(texts: [(file: "nginx.yaml", text: manifests)])
            _ = try await CanaryControllerTests.healthyStable(harness)
            try await harness.setImage("demo", "argoproj/rollouts-demo:green")
            try await harness.eventually("both canary Ingresses carry 25 % and the step counts") {
                let status = try await harness.rollout("demo").status
                let weights = try await ["demo-demo-ingress-canary", "demo-admin-ingress-canary"].asyncMap { name -> String? in
                    let ingress: Ingress? = try? await harness.client.get(.ingresses, namespace: harness.namespace, name: name)
                    return ingress?.metadata.annotations?["nginx.ingress.kubernetes.io/canary-weight"]
                }
                return weights == ["25", "25"] && status?.currentStepIndex == 1 && status?.canary?.weights?.verified == true
            }
            let admin: Ingress = try await harness.client.get(.ingresses, namespace: harness.namespace, name: "demo-admin-ingress-canary")
            #expect(admin.spec?["rules"] == Self.rules(host: "admin.demo.info", to: "green-service"))

            // The rollout owns its canary Ingresses: Kubernetes' garbage collector removes them with it.
            try await harness.client.delete(harness.resources.rollouts, namespace: harness.namespace, name: "demo")
            try await harness.eventually("the canary Ingresses go with the rollout", timeout: .seconds(60)) {
                let listed = try await harness.client.listAll(.ingresses, namespace: harness.namespace, as: Ingress.self).items
                return listed.compactMap(\.metadata.name).sorted() == ["admin-ingress", "demo-ingress"]
            }
        }
    }

    @Test func aMissingStableIngressIsReportedAndTheStepWaits() async throws {
        try await ControllerHarness.run("nginxmissing") { harness in
            let manifests = Self.manifests.replacingOccurrences(of: "nginx: {stableIngress: demo-ingress}", with: "nginx: {stableIngress: absent}")
            try await harness.apply(texts: [(file: "nginx.yaml", text: manifests)])
            _ = try await CanaryControllerTests.healthyStable(harness)
            try await harness.setImage("demo", "argoproj/rollouts-demo:green")
            try await harness.eventually("an Event says the stable Ingress is missing") {
                try await harness.eventReasons("demo").contains("ReconcileFailed")
            }
            let status = try await harness.rollout("demo").status
            #expect(status?.currentStepIndex == 0, "the 25 % step is not counted done")
            #expect(status?.canary?.weights?.canary.weight == 0, "no weight moved to the canary")
        }
    }
}

extension ControllerHarness {
    /// The canary Ingress of rollout `demo` through `demo-ingress`, `nil` when there is none.
    func canaryIngress() async throws -> Ingress? {
        do {
            return try await client.get(.ingresses, namespace: namespace, name: NginxControllerTests.canaryName)
        } catch KubernetesError.notFound {
            return nil
        }
    }
}

extension Array {
    /// The elements mapped by an async function, in order.
    func asyncMap<Mapped>(_ transform: (Element) async throws -> Mapped) async rethrows -> [Mapped] {
        var mapped: [Mapped] = []
        for element in self { mapped.append(try await transform(element)) }
        return mapped
    }
}
