import Foundation
import KubernetesClient
import KubernetesTestSupport
import Testing
import TurnoutCore
import TurnoutKubernetes
import TurnoutService

/// Istio routing on a real API server with the VirtualService and DestinationRule CRDs: host-split weights
/// with header and mirror routes placed first, an edit put back, abort returning everything to stable; and
/// subset-split through a DestinationRule whose subsets follow the revisions. (No Istio runs here: the objects
/// are the data plane checked.)
@Suite(.enabled(if: KubeTestEnvironment.isAvailable, KubeTestEnvironment.skipMessage))
struct IstioControllerTests {
    static func destination(_ host: String, subset: String? = nil, weight: Int) -> KubernetesJSON {
        var destination: [String: KubernetesJSON] = ["host": .string(host), "port": ["number": 80]]
        if let subset { destination["subset"] = .string(subset) }
        return ["destination": .object(destination), "weight": .int(weight)]
    }

    static func virtualService(_ route: [KubernetesJSON]) -> KubernetesJSON {
        ["apiVersion": "networking.istio.io/v1beta1", "kind": "VirtualService", "metadata": ["name": "demo-vsvc"],
         "spec": ["hosts": ["demo"], "http": [["name": "primary", "route": .array(route)]]]]
    }

    static func run(_ label: String, _ body: (ControllerHarness) async throws -> Void) async throws {
        try await CustomResourceInstaller.install(.istio)
        try await ControllerHarness.run(label, body)
    }

    @Test func hostSplitWeightsHeaderAndMirrorRoutesAreWrittenReadBackAndRestored() async throws {
        let routing = """
                    istio: {virtualService: {name: demo-vsvc, routes: [primary]}}
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
        try await Self.run("istio") { harness in
            let _: IstioObject = try await harness.client.create(
                .virtualServices, namespace: harness.namespace,
                Self.virtualService([Self.destination("stable-svc", weight: 100), Self.destination("canary-svc", weight: 0)]))
            try await harness.apply(texts: [(file: "services.yaml", text: RoutedRolloutManifest.services), (file: "rollout.yaml", text: RoutedRolloutManifest.rollout(routing: routing, steps: steps))])
            let blue = try await CanaryControllerTests.healthyStable(harness)
            try await harness.setImage("demo", "argoproj/rollouts-demo:green")
            try await harness.eventually("the 20 % step is in effect and verified") {
                let status = try await harness.rollout("demo").status
                return status?.currentStepIndex == 1 && status?.canary?.weights?.canary.weight == 20 && status?.canary?.weights?.verified == true
            }
            #expect(try await harness.virtualServiceWeights() == ["stable-svc": 80, "canary-svc": 20])

            let _: IstioObject = try await harness.client.patch(.virtualServices, namespace: harness.namespace, name: "demo-vsvc", .json([
                .replace("/spec/http/0/route/0/weight", .int(10)), .replace("/spec/http/0/route/1/weight", .int(90)),
            ]))
            try await harness.eventually("the edited weights are put back") {
                let weights = try await harness.virtualServiceWeights()
                let reasons = try await harness.eventReasons("demo")
                return weights == ["stable-svc": 80, "canary-svc": 20] && reasons.contains("TrafficRestored")
            }

            let runtime = ClusterRuntime(client: harness.client, namespace: harness.namespace, group: .argo)
            _ = try await runtime.perform(.promote, onRollout: "demo", OperationRequest())
            try await harness.eventually("header and mirror routes first, then 60 %") {
                let status = try await harness.rollout("demo").status
                return status?.currentStepIndex == 5 && status?.canary?.weights?.canary.weight == 60 && status?.canary?.weights?.verified == true
            }
            let http = try await harness.virtualService().spec?["http"]?.arrayValue ?? []
            #expect(http.map { $0["name"]?.stringValue } == ["testers", "shadow", "primary"], "managed routes first, in managedRoutes order")
            #expect(http.first?["route"] == [["destination": ["host": "canary-svc", "port": ["number": 80]], "weight": 100]])

            _ = try await runtime.perform(.abort, onRollout: "demo", OperationRequest())
            try await harness.eventually("abort returns all weight to stable and removes both routes") {
                let status = try await harness.rollout("demo").status
                let http = try await harness.virtualService().spec?["http"]?.arrayValue ?? []
                let weights = try await harness.virtualServiceWeights()
                return status?.isAborted == true && status?.stableRS == blue && http.count == 1 && weights == ["stable-svc": 100, "canary-svc": 0]
            }
        }
    }

    @Test func tlsAndTCPRoutesCarryTheWeightTooAndAStepWaitsForAllOfThem() async throws {
        let routing = """
                    istio:
                      virtualService:
                        name: demo-vsvc
                        routes: [primary]
                        tlsRoutes: [{port: 443, sniHosts: [demo.example]}]
                        tcpRoutes: [{port: 5432}]
            """
        try await Self.run("istiol4") { harness in
            let split: KubernetesJSON = [Self.destination("stable-svc", weight: 100), Self.destination("canary-svc", weight: 0)]
            var service = Self.virtualService(split.arrayValue ?? [])
            service = service.replacing(["spec", "tls"], with: [["match": [["port": 443, "sniHosts": ["demo.example"]]], "route": split]])
            service = service.replacing(["spec", "tcp"], with: [["match": [["port": 5432]], "route": split]])
            let _: IstioObject = try await harness.client.create(.virtualServices, namespace: harness.namespace, service)
            try await harness.apply(texts: [(file: "services.yaml", text: RoutedRolloutManifest.services), (file: "rollout.yaml", text: RoutedRolloutManifest.rollout(routing: routing, steps: "        - setWeight: 40\n        - pause: {}"))])
            _ = try await CanaryControllerTests.healthyStable(harness)
            try await harness.setImage("demo", "argoproj/rollouts-demo:green")
            try await harness.eventually("40 % through the HTTP, TLS and TCP routes, verified") {
                let status = try await harness.rollout("demo").status
                return status?.currentStepIndex == 1 && status?.canary?.weights?.canary.weight == 40 && status?.canary?.weights?.verified == true
            }
            let spec = try await harness.virtualService().spec
            for kind in ["tls", "tcp"] {
                let weights = spec?[kind]?.arrayValue?.first?["route"]?.arrayValue?.compactMap { $0["weight"]?.intValue }
                #expect(weights == [60, 40], "\(kind) route")
            }
        }
    }

    @Test func subsetSplitPointsTheDestinationRuleAtEachRevision() async throws {
        let routing = """
                    istio:
                      virtualService: {name: demo-vsvc, routes: [primary]}
                      destinationRule: {name: demo-rule, stableSubsetName: stable, canarySubsetName: canary}
            """
        try await Self.run("istiosubset") { harness in
            let _: IstioObject = try await harness.client.create(
                .virtualServices, namespace: harness.namespace,
                Self.virtualService([Self.destination("demo", subset: "stable", weight: 100), Self.destination("demo", subset: "canary", weight: 0)]))
            let rule: KubernetesJSON = [
                "apiVersion": "networking.istio.io/v1beta1", "kind": "DestinationRule", "metadata": ["name": "demo-rule"],
                "spec": ["host": "demo", "subsets": [["name": "stable", "labels": ["app": "demo"]], ["name": "canary", "labels": ["app": "demo"]]]],
            ]
            let _: IstioObject = try await harness.client.create(.destinationRules, namespace: harness.namespace, rule)
            try await harness.apply(texts: [(file: "rollout.yaml", text: RoutedRolloutManifest.rollout(routing: routing, steps: "        - setWeight: 30\n        - pause: {}", services: false))])
            let blue = try await CanaryControllerTests.healthyStable(harness)
            #expect(try await harness.subsetHashes() == ["stable": blue, "canary": blue])
            try await harness.setImage("demo", "argoproj/rollouts-demo:green")
            try await harness.eventually("the canary subset selects the new revision and carries 30 %") {
                let status = try await harness.rollout("demo").status
                return status?.currentStepIndex == 1 && status?.canary?.weights?.canary.weight == 30 && status?.canary?.weights?.verified == true
            }
            let green = try #require(try await harness.rollout("demo").status?.currentPodHash)
            #expect(green != blue)
            #expect(try await harness.subsetHashes() == ["stable": blue, "canary": green])
            #expect(try await harness.virtualServiceWeights(bySubset: true) == ["stable": 70, "canary": 30])
        }
    }
}

extension ControllerHarness {
    /// The VirtualService `demo-vsvc`.
    func virtualService() async throws -> IstioObject {
        try await client.get(.virtualServices, namespace: namespace, name: "demo-vsvc")
    }

    /// The weights of the route `primary`, by destination host (or subset).
    func virtualServiceWeights(bySubset: Bool = false) async throws -> [String: Int] {
        let http = try await virtualService().spec?["http"]?.arrayValue ?? []
        let route = http.first { $0["name"]?.stringValue == "primary" }?["route"]?.arrayValue ?? []
        return Dictionary(route.compactMap { destination in
            destination[path: ["destination", bySubset ? "subset" : "host"]]?.stringValue.map { ($0, destination["weight"]?.intValue ?? 0) }
        }, uniquingKeysWith: { first, _ in first })
    }

    /// The revision hash each subset of the DestinationRule `demo-rule` selects.
    func subsetHashes() async throws -> [String: String] {
        let rule: IstioObject = try await client.get(.destinationRules, namespace: namespace, name: "demo-rule")
        return Dictionary((rule.spec?["subsets"]?.arrayValue ?? []).compactMap { subset in
            subset["name"]?.stringValue.map { ($0, subset[path: ["labels", "rollouts-pod-template-hash"]]?.stringValue ?? "") }
        }, uniquingKeysWith: { first, _ in first })
    }
}
