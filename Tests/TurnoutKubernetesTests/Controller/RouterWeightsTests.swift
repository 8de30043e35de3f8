import Foundation
import KubernetesClient
import KubernetesTestSupport
import Testing
import TurnoutCore
import TurnoutKubernetes
import TurnoutService

/// Every router moves a canary 10 → 100 on a real API server, each step counted only once its object reads
/// back the weight, and abort at either step returns all of it to stable.
@Suite(.enabled(if: KubeTestEnvironment.isAvailable, KubeTestEnvironment.skipMessage))
struct RouterWeightsTests {
    enum Router: String, CaseIterable, Sendable {
        case nginx, gatewayAPI, gatewayGRPC, istio

        var routing: String {
            switch self {
            case .nginx: return "            nginx: {stableIngress: demo-ingress}"
            case .gatewayAPI: return "            plugins:\n              argoproj-labs/gatewayAPI: {httpRoute: demo-route}"
            case .gatewayGRPC: return "            plugins:\n              argoproj-labs/gatewayAPI: {grpcRoute: demo-route}"
            case .istio: return "            istio: {virtualService: {name: demo-vsvc, routes: [primary]}}"
            }
        }

        /// Installs what the router needs and creates its stable object.
        func prepare(_ harness: ControllerHarness) async throws {
            switch self {
            case .nginx:
                let ingress: KubernetesJSON = [
                    "apiVersion": "networking.k8s.io/v1", "kind": "Ingress", "metadata": ["name": "demo-ingress"],
                    "spec": ["rules": [["host": "demo.info", "http": ["paths": [[
                        "path": "/", "pathType": "Prefix", "backend": ["service": ["name": "stable-svc", "port": ["number": 80]]],
                    ]]]]]],
                ]
                let _: Ingress = try await harness.client.create(.ingresses, namespace: harness.namespace, ingress)
            case .gatewayAPI:
                let _: GatewayRoute = try await harness.client.create(.httpRoutes, namespace: harness.namespace, GatewayAPIControllerTests.route)
            case .gatewayGRPC:
                let route = GatewayAPIControllerTests.route.replacing(["apiVersion"], with: "gateway.networking.k8s.io/v1").replacing(["kind"], with: "GRPCRoute")
                    .replacing(["spec", "rules"], with: [["matches": [["method": ["service": "demo.Colors"]]], "backendRefs": [
                        ["name": "stable-svc", "port": 80, "weight": 100], ["name": "canary-svc", "port": 80, "weight": 0],
                    ]]])
                let _: GatewayRoute = try await harness.client.create(.grpcRoutes, namespace: harness.namespace, route)
            case .istio:
                let _: IstioObject = try await harness.client.create(
                    .virtualServices, namespace: harness.namespace,
                    IstioControllerTests.virtualService([IstioControllerTests.destination("stable-svc", weight: 100), IstioControllerTests.destination("canary-svc", weight: 0)]))
            }
        }

        /// The canary weight the router's object carries now.
        func canaryWeight(_ harness: ControllerHarness) async throws -> Int? {
            switch self {
            case .nginx:
                let canary: Ingress? = try? await harness.client.get(.ingresses, namespace: harness.namespace, name: "demo-demo-ingress-canary")
                return canary?.metadata.annotations?["nginx.ingress.kubernetes.io/canary-weight"].flatMap { Int($0) }
            case .gatewayAPI: return try await harness.routeWeights()["canary-svc"]
            case .gatewayGRPC:
                let route: GatewayRoute = try await harness.client.get(.grpcRoutes, namespace: harness.namespace, name: "demo-route")
                return route.spec?["rules"]?.arrayValue?.first?["backendRefs"]?.arrayValue?.first { $0["name"] == "canary-svc" }?["weight"]?.intValue
            case .istio: return try await harness.virtualServiceWeights()["canary-svc"]
            }
        }
    }

    @Test(arguments: Router.allCases, [10, 100])
    func aCanaryMovesTenToOneHundredAndAbortAtEitherStepReturnsEverything(router: Router, abortAt: Int) async throws {
        try await CustomResourceInstaller.install(.gatewayAPI)
        try await CustomResourceInstaller.install(.istio)
        try await ControllerHarness.run("weights\(router.rawValue.lowercased())\(abortAt)") { harness in
            try await router.prepare(harness)
            let rollout = RoutedRolloutManifest.rollout(routing: router.routing, steps: "        - setWeight: 10\n        - pause: {}\n        - setWeight: 100\n        - pause: {}")
            try await harness.apply(texts: [(file: "services.yaml", text: RoutedRolloutManifest.services), (file: "rollout.yaml", text: rollout)])
            let blue = try await CanaryControllerTests.healthyStable(harness)
            try await harness.setImage("demo", "argoproj/rollouts-demo:green")
            let runtime = ClusterRuntime(client: harness.client, namespace: harness.namespace, group: .argo)
            for (weight, step) in [(10, 1), (100, 3)] where weight <= abortAt {
                try await harness.eventually("\(weight) % is in effect and verified through \(router.rawValue)") {
                    let status = try await harness.rollout("demo").status
                    return status?.currentStepIndex == step && status?.canary?.weights?.canary.weight == weight && status?.canary?.weights?.verified == true
                }
                #expect(try await router.canaryWeight(harness) == weight)
                if weight < abortAt { _ = try await runtime.perform(.promote, onRollout: "demo", OperationRequest()) }
            }
            _ = try await runtime.perform(.abort, onRollout: "demo", OperationRequest())
            try await harness.eventually("abort returns all weight to stable through \(router.rawValue)") {
                let status = try await harness.rollout("demo").status
                let weight = try await router.canaryWeight(harness)
                return status?.isAborted == true && status?.stableRS == blue && weight == 0 && status?.canary?.weights?.verified == true
            }
        }
    }
}
