import KubernetesClient
import Testing
import TurnoutCore

@testable import TurnoutKubernetes

/// The HTTPRoute rules Gateway API routing writes and reads back (the Argo Gateway API plugin's shape).
struct GatewayRouteRulesTests {
    static func rollout(maxTrafficWeight: Int? = nil) throws -> Rollout {
        var routing: [String: KubernetesJSON] = [
            "plugins": ["argoproj-labs/gatewayAPI": ["httpRoute": "demo"]],
            "managedRoutes": [["name": "testers"], ["name": "shadow"]],
        ]
        if let maxTrafficWeight { routing["maxTrafficWeight"] = .int(maxTrafficWeight) }
        let json: KubernetesJSON = [
            "apiVersion": "argoproj.io/v1alpha1", "kind": "Rollout",
            "metadata": ["name": "demo", "namespace": "shop"],
            "spec": ["strategy": ["canary": ["stableService": "stable", "canaryService": "canary", "trafficRouting": .object(routing)]]],
        ]
        return try json.decoded(as: Rollout.self)
    }

    static func backend(_ name: String, weight: Int?) -> KubernetesJSON {
        var backend: [String: KubernetesJSON] = ["name": .string(name), "port": 80]
        if let weight { backend["weight"] = .int(weight) }
        return .object(backend)
    }

    /// A rule for `/` to both Services, and one to another Service that is left alone.
    static let rules: [KubernetesJSON] = [
        ["matches": [["path": ["type": "PathPrefix", "value": "/"]]], "backendRefs": [backend("stable", weight: 100), backend("canary", weight: 0)]],
        ["matches": [["path": ["type": "PathPrefix", "value": "/docs"]]], "backendRefs": [backend("docs", weight: nil)]],
    ]

    @Test func turnoutsOwnGatewayAPIFieldReadsAsThePluginsConfiguration() throws {
        let field: KubernetesJSON = ["gatewayAPI": ["httpRoutes": [["name": "a", "useHeaderRoutes": true], ["name": "b"]], "grpcRoute": "c", "namespace": "edge"]]
        let routing = try field.decoded(as: TrafficRouting.self).effectiveGatewayAPI
        #expect(routing?.routes == [GatewayRouteReference(name: "a", useHeaderRoutes: true), GatewayRouteReference(name: "b")])
        #expect(routing?.grpcRouteReferences == [GatewayRouteReference(name: "c", useHeaderRoutes: true)])
        #expect(routing?.namespace == "edge")
        let plugin: KubernetesJSON = ["plugins": ["argoproj-labs/gatewayAPI": ["httpRoute": "a"]]]
        #expect(try plugin.decoded(as: TrafficRouting.self).effectiveGatewayAPI?.routes == [GatewayRouteReference(name: "a", useHeaderRoutes: true)])
    }

    @Test(arguments: [(10, nil as Int?, 10, 90), (100, nil, 100, 0), (250, 1000, 250, 750)])
    func weightsGoToTheRulesWithBothServices(weight: Int, maxTrafficWeight: Int?, canary: Int, stable: Int) throws {
        let plan = GatewayRouteRules(try Self.rollout(maxTrafficWeight: maxTrafficWeight))
        let rules = try plan.rules(Self.rules, weight: weight, headerRoutes: [], mirrorRoutes: [], route: "demo")
        #expect(rules[0]["backendRefs"] == [Self.backend("stable", weight: stable), Self.backend("canary", weight: canary)])
        #expect(rules[1] == Self.rules[1])
        #expect(plan.observed(rules) == RouterObservation(weight: weight))
    }

    @Test func aHeaderRouteIsARuleOfItsOwnToTheCanaryAndAMirrorRouteMirrorsToIt() throws {
        let plan = GatewayRouteRules(try Self.rollout())
        let header = SetHeaderRoute(name: "testers", match: [HeaderRouteMatch(headerName: "X-Canary", headerValue: StringMatch(prefix: "yes."))])
        let mirror = SetMirrorRoute(name: "shadow", match: [MirrorRouteMatch(method: StringMatch(exact: "GET"), path: StringMatch(prefix: "/api"))], percentage: 20)
        let rules = try plan.rules(Self.rules, weight: 10, headerRoutes: [header], mirrorRoutes: [mirror], route: "demo")
        #expect(rules.count == 4)
        #expect(rules[2] == [
            "name": "testers",
            "matches": [["path": ["type": "PathPrefix", "value": "/"], "headers": [["name": "X-Canary", "type": "RegularExpression", "value": "^yes\\..*"]]]],
            "backendRefs": [["name": "canary", "port": 80]],
        ])
        #expect(rules[3] == [
            "name": "shadow",
            "matches": [["method": "GET", "path": ["type": "PathPrefix", "value": "/api"]]],
            "filters": [["type": "RequestMirror", "requestMirror": ["backendRef": ["name": "canary", "port": 80], "percent": 20]]],
            "backendRefs": [Self.backend("stable", weight: 90), Self.backend("canary", weight: 10)],
        ])
        #expect(plan.observed(rules) == RouterObservation(weight: 10, headerRoutes: ["testers"], mirrorRoutes: ["shadow"]))
        // Without the routes the managed rules go, whatever else changes.
        let back = try plan.rules(rules, weight: 0, headerRoutes: [], mirrorRoutes: [], route: "demo")
        #expect(back.count == 2)
        #expect(plan.observed(back) == RouterObservation(weight: 0))
    }

    @Test func aGRPCRouteTakesWeightsAndHeaderRoutesButNoMirror() throws {
        let plan = GatewayRouteRules(try Self.rollout())
        let grpc: [KubernetesJSON] = [["matches": [["method": ["service": "demo.Colors"]]], "backendRefs": [Self.backend("stable", weight: 100), Self.backend("canary", weight: 0)]]]
        let header = SetHeaderRoute(name: "testers", match: [HeaderRouteMatch(headerName: "x-canary", headerValue: StringMatch(exact: "yes"))])
        let rules = try plan.rules(grpc, weight: 30, headerRoutes: [header], mirrorRoutes: [], kind: .grpc, route: "demo")
        #expect(rules[1]["matches"] == [["method": ["service": "demo.Colors"], "headers": [["name": "x-canary", "type": "Exact", "value": "yes"]]]])
        #expect(plan.observed(rules) == RouterObservation(weight: 30, headerRoutes: ["testers"]))
        let mirror = SetMirrorRoute(name: "shadow", match: [MirrorRouteMatch(path: StringMatch(prefix: "/"))])
        #expect { try plan.rules(grpc, weight: 30, headerRoutes: [], mirrorRoutes: [mirror], kind: .grpc, route: "demo") } throws: {
            "\($0)".contains("a GRPCRoute takes header routes only")
        }
    }

    @Test func weightsThatDoNotAddUpOrAreLeftToTheirDefaultAreNotAWeight() throws {
        let plan = GatewayRouteRules(try Self.rollout())
        let edited: [KubernetesJSON] = [["backendRefs": [Self.backend("stable", weight: 50), Self.backend("canary", weight: 10)]]]
        #expect(plan.observed(edited).weight == nil)
        let defaulted: [KubernetesJSON] = [["backendRefs": [Self.backend("stable", weight: nil), Self.backend("canary", weight: nil)]]]
        #expect(plan.observed(defaulted).weight == nil, "1 and 1 is half and half, not a weight out of 100")
        let disagreeing = try plan.rules(Self.rules, weight: 10, headerRoutes: [], mirrorRoutes: [], route: "demo")
            + [["backendRefs": [Self.backend("stable", weight: 80), Self.backend("canary", weight: 20)]]]
        #expect(plan.observed(disagreeing).weight == nil)
    }

    @Test func aRouteWithoutARuleForBothServicesOrAMethodPrefixIsRefused() throws {
        let plan = GatewayRouteRules(try Self.rollout())
        #expect { try plan.rules([Self.rules[1]], weight: 10, headerRoutes: [], mirrorRoutes: [], route: "demo") } throws: {
            "\($0)".contains("no rule of HTTPRoute demo has backendRefs to both stable and canary")
        }
        let mirror = SetMirrorRoute(name: "shadow", match: [MirrorRouteMatch(method: StringMatch(prefix: "G"))])
        #expect { try plan.rules(Self.rules, weight: 10, headerRoutes: [], mirrorRoutes: [mirror], route: "demo") } throws: {
            "\($0)".contains("Gateway API matches a method exactly")
        }
    }

    @Test(arguments: [
        // parents' (Accepted, ResolvedRefs, observedGeneration) at route generation 3 → accepted
        ([] as [(String, String, Int)], true),
        ([("True", "True", 3)], true),
        ([("True", "True", 2)], false),
        ([("False", "True", 3)], false),
        ([("True", "False", 3)], false),
        ([("True", "True", 3), ("False", "True", 3)], false),
    ])
    func theRoutesOwnStatusMustAcceptItsCurrentGeneration(parents: [(String, String, Int)], accepted: Bool) {
        let status: KubernetesJSON = ["parents": .array(parents.map { accepted, resolved, generation in
            ["conditions": [
                ["type": "Accepted", "status": .string(accepted), "observedGeneration": .int(generation)],
                ["type": "ResolvedRefs", "status": .string(resolved), "observedGeneration": .int(generation)],
            ]]
        })]
        let route = GatewayRoute(metadata: ClusterObjectMeta(name: "demo", generation: 3), spec: nil, status: status)
        #expect(GatewayRouteStatus(route).isAccepted == accepted)
    }
}
