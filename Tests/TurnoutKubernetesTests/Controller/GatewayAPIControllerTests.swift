import Foundation
import KubernetesClient
import KubernetesTestSupport
import Testing
import TurnoutCore
import TurnoutKubernetes
import TurnoutService

/// Gateway API routing on a real API server with the HTTPRoute CRD: weights in the route's backendRefs, read
/// back and counted only while the route's own status accepts its current generation, header and mirror routes
/// as rules of their own, an edit put back, abort returning everything to stable; and NGINX and the Gateway
/// API at once, a step counting only when both carry it. (No Gateway controller runs here: where the test
/// writes the route's status, it stands in for one.)
@Suite(.enabled(if: KubeTestEnvironment.isAvailable, KubeTestEnvironment.skipMessage))
struct GatewayAPIControllerTests {
    static let route: KubernetesJSON = [
        "apiVersion": "gateway.networking.k8s.io/v1", "kind": "HTTPRoute",
        "metadata": ["name": "demo-route"],
        "spec": [
            "parentRefs": [["name": "gateway"]],
            "rules": [["matches": [["path": ["type": "PathPrefix", "value": "/"]]], "backendRefs": [
                ["name": "stable-svc", "port": 80, "weight": 100], ["name": "canary-svc", "port": 80, "weight": 0],
            ]]],
        ],
    ]

    /// Installs the HTTPRoute CRD before the controller starts (it discovers the version it serves), then runs.
    static func run(_ label: String, _ body: (ControllerHarness) async throws -> Void) async throws {
        try await CustomResourceInstaller.install(.gatewayAPI)
        try await ControllerHarness.run(label) { harness in
            let _: GatewayRoute = try await harness.client.create(.httpRoutes, namespace: harness.namespace, Self.route)
            try await body(harness)
        }
    }

    @Test func weightsHeaderAndMirrorRoutesAreWrittenAcceptedReadBackAndRestored() async throws {
        let routing = """
                    plugins:
                      argoproj-labs/gatewayAPI: {httpRoute: demo-route}
                    managedRoutes: [{name: testers}, {name: shadow}]
            """
        let steps = """
                    - setWeight: 20
                    - pause: {}
                    - setHeaderRoute: {name: testers, match: [{headerName: X-Canary, headerValue: {exact: "yes"}}]}
                    - setMirrorRoute: {name: shadow, percentage: 50, match: [{method: {exact: GET}}]}
                    - setWeight: 60
                    - pause: {}
            """
        try await Self.run("gateway") { harness in
            try await harness.apply(texts: [(file: "services.yaml", text: RoutedRolloutManifest.services), (file: "rollout.yaml", text: RoutedRolloutManifest.rollout(routing: routing, steps: steps))])
            let blue = try await CanaryControllerTests.healthyStable(harness)
            #expect(try await harness.routeWeights() == ["stable-svc": 100, "canary-svc": 0])

            // A Gateway's controller has not accepted the route's next generation: the step waits for it.
            let generation = try await harness.route().metadata.generation ?? 1
            try await harness.setRouteStatus(accepted: "False", generation: generation)
            try await harness.setImage("demo", "argoproj/rollouts-demo:green")
            try await harness.eventually("the weight is written but not counted while the route is not accepted") {
                try await harness.routeWeights() == ["stable-svc": 80, "canary-svc": 20]
            }
            #expect(try await harness.rollout("demo").status?.currentStepIndex == 0)
            let written = try await harness.route().metadata.generation ?? 0
            #expect(written > generation)
            try await harness.setRouteStatus(accepted: "True", generation: written)
            try await harness.eventually("once accepted the 20 % step counts, paused after it") {
                let status = try await harness.rollout("demo").status
                return status?.currentStepIndex == 1 && status?.canary?.weights?.canary.weight == 20 && status?.canary?.weights?.verified == true
            }
            try await harness.clearRouteStatus()

            // Someone else changes the weights: they are put back, and an Event says so.
            let _: GatewayRoute = try await harness.client.patch(.httpRoutes, namespace: harness.namespace, name: "demo-route", .json([
                .replace("/spec/rules/0/backendRefs/0/weight", .int(50)), .replace("/spec/rules/0/backendRefs/1/weight", .int(50)),
            ]))
            try await harness.eventually("the edited weights are put back") {
                let weights = try await harness.routeWeights()
                let reasons = try await harness.eventReasons("demo")
                return weights == ["stable-svc": 80, "canary-svc": 20] && reasons.contains("TrafficRestored")
            }

            let runtime = ClusterRuntime(client: harness.client, namespace: harness.namespace, group: .argo)
            _ = try await runtime.perform(.promote, onRollout: "demo", OperationRequest())
            try await harness.eventually("the header and mirror routes and 60 % are in effect, paused at the last step") {
                let status = try await harness.rollout("demo").status
                return status?.currentStepIndex == 5 && status?.canary?.weights?.canary.weight == 60 && status?.canary?.weights?.verified == true
            }
            let rules = try await harness.route().spec?["rules"]?.arrayValue ?? []
            #expect(rules.compactMap { $0["name"]?.stringValue }.sorted() == ["shadow", "testers"])
            #expect(rules.first { $0["name"]?.stringValue == "testers" }?["backendRefs"] == [["name": "canary-svc", "port": 80]])
            #expect(rules.first { $0["name"]?.stringValue == "shadow" }?[path: ["filters"]]?.arrayValue?.first?["type"] == "RequestMirror")
            #expect(try await harness.rollout("demo").status?.canary?.activeRoutes?.sorted() == ["shadow", "testers"])

            _ = try await runtime.perform(.abort, onRollout: "demo", OperationRequest())
            try await harness.eventually("abort returns all weight to stable and removes both routes") {
                let status = try await harness.rollout("demo").status
                let rules = try await harness.route().spec?["rules"]?.arrayValue ?? []
                let weights = try await harness.routeWeights()
                return status?.isAborted == true && status?.stableRS == blue && rules.count == 1 && weights == ["stable-svc": 100, "canary-svc": 0]
            }
        }
    }

    @Test func withNginxAndTheGatewayAPIAStepCountsOnlyWhenBothCarryIt() async throws {
        let routing = """
                    nginx: {stableIngress: demo-ingress}
                    plugins:
                      argoproj-labs/gatewayAPI: {httpRoute: demo-route}
            """
        let ingress = RoutedRolloutManifest.stableIngress()
        try await Self.run("tworouters") { harness in
            try await harness.apply(texts: [
                (file: "services.yaml", text: RoutedRolloutManifest.services), (file: "ingress.yaml", text: ingress),
                (file: "rollout.yaml", text: RoutedRolloutManifest.rollout(routing: routing, steps: "        - setWeight: 30\n        - pause: {}")),
            ])
            _ = try await CanaryControllerTests.healthyStable(harness)
            let generation = try await harness.route().metadata.generation ?? 1
            try await harness.setRouteStatus(accepted: "False", generation: generation)
            try await harness.setImage("demo", "argoproj/rollouts-demo:green")
            try await harness.eventually("both routers are written") {
                let ingress: Ingress? = try? await harness.client.get(.ingresses, namespace: harness.namespace, name: "demo-demo-ingress-canary")
                let weights = try await harness.routeWeights()
                return ingress?.metadata.annotations?["nginx.ingress.kubernetes.io/canary-weight"] == "30" && weights == ["stable-svc": 70, "canary-svc": 30]
            }
            #expect(try await harness.rollout("demo").status?.currentStepIndex == 0, "NGINX carries 30 %, the Gateway has not accepted it")
            try await harness.setRouteStatus(accepted: "True", generation: try await harness.route().metadata.generation ?? 0)
            try await harness.eventually("with both carrying it the step counts") {
                let status = try await harness.rollout("demo").status
                return status?.currentStepIndex == 1 && status?.canary?.weights?.verified == true
            }
        }
    }
}

extension ControllerHarness {
    /// The HTTPRoute `demo-route`.
    func route() async throws -> GatewayRoute {
        try await client.get(.httpRoutes, namespace: namespace, name: "demo-route")
    }

    /// The weight of each backendRef of the route's first rule, by Service.
    func routeWeights() async throws -> [String: Int] {
        let backends = try await route().spec?["rules"]?.arrayValue?.first?["backendRefs"]?.arrayValue ?? []
        return Dictionary(backends.compactMap { backend in backend["name"]?.stringValue.map { ($0, backend["weight"]?.intValue ?? 1) } }, uniquingKeysWith: { first, _ in first })
    }

    /// Writes the route's status as a Gateway's controller would: one parent, Accepted as given, refs resolved.
    func setRouteStatus(accepted: String, generation: Int) async throws {
        let conditions: KubernetesJSON = [
            ["type": "Accepted", "status": .string(accepted), "reason": accepted == "True" ? "Accepted" : "NotAllowedByListeners", "observedGeneration": .int(generation)],
            ["type": "ResolvedRefs", "status": "True", "reason": "ResolvedRefs", "observedGeneration": .int(generation)],
        ]
        let _: GatewayRoute = try await client.patchStatus(
            .httpRoutes, namespace: namespace, name: "demo-route",
            .merge(["status": ["parents": [["parentRef": ["name": "gateway"], "controllerName": "example.com/gateway", "conditions": conditions]]]]))
    }

    /// Removes the route's status, as if no Gateway's controller reported on it.
    func clearRouteStatus() async throws {
        let _: GatewayRoute = try await client.patchStatus(.httpRoutes, namespace: namespace, name: "demo-route", .merge(["status": nil]))
    }
}
