import KubernetesClient
import Testing
import TurnoutCore

@testable import TurnoutKubernetes

/// The VirtualService HTTP routes Istio routing writes and reads back (Argo Rollouts' shape).
struct IstioRouteRulesTests {
    static func rollout(destinationRule: Bool = false) throws -> Rollout {
        var istio: [String: KubernetesJSON] = ["virtualService": ["name": "demo", "routes": ["primary"]]]
        if destinationRule { istio["destinationRule"] = ["name": "demo", "canarySubsetName": "canary", "stableSubsetName": "stable"] }
        let json: KubernetesJSON = [
            "apiVersion": "argoproj.io/v1alpha1", "kind": "Rollout",
            "metadata": ["name": "demo", "namespace": "shop"],
            "spec": ["strategy": ["canary": [
                "stableService": "stable", "canaryService": "canary",
                "trafficRouting": ["istio": .object(istio), "managedRoutes": [["name": "shadow"], ["name": "testers"]]],
            ]]],
        ]
        return try json.decoded(as: Rollout.self)
    }

    static func destination(_ host: String, subset: String? = nil, weight: Int) -> KubernetesJSON {
        var destination: [String: KubernetesJSON] = ["host": .string(host)]
        if let subset { destination["subset"] = .string(subset) }
        return ["destination": .object(destination), "weight": .int(weight)]
    }

    static let hostSplit: [KubernetesJSON] = [
        ["name": "primary", "route": [destination("stable.shop.svc.cluster.local", weight: 100), destination("canary", weight: 0)]],
        ["name": "other", "route": [destination("other", weight: 100)]],
    ]

    @Test func hostSplitWeightsGoToTheNamedRouteAndHeaderAndMirrorRoutesComeFirstInManagedOrder() throws {
        let rules = IstioRouteRules(try Self.rollout())
        let header = SetHeaderRoute(name: "testers", match: [HeaderRouteMatch(headerName: "X-Canary", headerValue: StringMatch(exact: "yes"))])
        let mirror = SetMirrorRoute(name: "shadow", match: [MirrorRouteMatch(method: StringMatch(exact: "GET"), path: StringMatch(prefix: "/api"))], percentage: 30)
        let http = try rules.routes(Self.hostSplit, named: ["primary"], weight: 25, headerRoutes: [header], mirrorRoutes: [mirror], service: "demo")
        #expect(http.map { $0["name"]?.stringValue } == ["shadow", "testers", "primary", "other"])
        #expect(http[2]["route"] == [Self.destination("stable.shop.svc.cluster.local", weight: 75), Self.destination("canary", weight: 25)])
        #expect(http[3] == Self.hostSplit[1])
        #expect(http[1] == ["name": "testers", "match": [["headers": ["X-Canary": ["exact": "yes"]]]], "route": [["destination": ["host": "canary"], "weight": 100]]])
        #expect(http[0] == [
            "name": "shadow", "match": [["method": ["exact": "GET"], "uri": ["prefix": "/api"]]],
            "route": http[2]["route"] ?? .null, "mirror": ["host": "canary"], "mirrorPercentage": ["value": 30],
        ])
        #expect(rules.observed(http, named: ["primary"]) == RouterObservation(weight: 25, headerRoutes: ["testers"], mirrorRoutes: ["shadow"]))
        let back = try rules.routes(http, named: ["primary"], weight: 0, headerRoutes: [], mirrorRoutes: [], service: "demo")
        #expect(back.map { $0["name"]?.stringValue } == ["primary", "other"])
        #expect(rules.observed(back, named: ["primary"]) == RouterObservation(weight: 0))
    }

    @Test func subsetSplitTellsTheDestinationsApartByTheirSubsets() throws {
        let rules = IstioRouteRules(try Self.rollout(destinationRule: true))
        let http: [KubernetesJSON] = [["name": "primary", "route": [Self.destination("demo", subset: "stable", weight: 100), Self.destination("demo", subset: "canary", weight: 0)]]]
        let weighted = try rules.routes(http, named: ["primary"], weight: 40, headerRoutes: [], mirrorRoutes: [], service: "demo")
        #expect(weighted[0]["route"] == [Self.destination("demo", subset: "stable", weight: 60), Self.destination("demo", subset: "canary", weight: 40)])
        #expect(rules.observed(weighted, named: ["primary"]).weight == 40)
    }

    @Test func withoutRouteNamesTheFirstUnmanagedRouteIsWeightedAsArgoWeightsRouteZero() throws {
        let rules = IstioRouteRules(try Self.rollout())
        let both: [KubernetesJSON] = [Self.hostSplit[0], Self.hostSplit[0].replacing(["name"], with: "second")]
        let http = try rules.routes(both, named: [], weight: 30, headerRoutes: [], mirrorRoutes: [], service: "demo")
        #expect(http[0]["route"] == [Self.destination("stable.shop.svc.cluster.local", weight: 70), Self.destination("canary", weight: 30)])
        #expect(http[1] == both[1])
        #expect(rules.observed(http, named: []).weight == 30)
    }

    @Test func tlsAndTCPRoutesAreWeightedByTheirPortAndSNIHosts() throws {
        let rules = IstioRouteRules(try Self.rollout())
        func route(port: Int, sni: [String]? = nil) -> KubernetesJSON {
            var match: [String: KubernetesJSON] = ["port": .int(port)]
            if let sni { match["sniHosts"] = .array(sni.map(KubernetesJSON.string)) }
            return ["match": [.object(match)], "route": [Self.destination("stable", weight: 100), Self.destination("canary", weight: 0)]]
        }
        let tls = [route(port: 443, sni: ["a.example"]), route(port: 443, sni: ["b.example"])]
        let selector = IstioRouteRules.Layer4Selector(port: 443, sniHosts: ["b.example"])
        let weighted = try rules.layer4Routes(tls, selectors: [selector], weight: 20, kind: "tls", service: "demo")
        #expect(weighted[0] == tls[0])
        #expect(weighted[1]["route"] == [Self.destination("stable", weight: 80), Self.destination("canary", weight: 20)])
        #expect(rules.layer4Weights(weighted, selectors: [selector]) == [20])
        #expect(rules.layer4Weights(weighted, selectors: []) == [0], "without selectors the first route, as Argo")
        let tcp = try rules.layer4Routes([route(port: 5432)], selectors: [], weight: 50, kind: "tcp", service: "demo")
        #expect(rules.layer4Weights(tcp, selectors: [IstioRouteRules.Layer4Selector(port: 5432)]) == [50])
        #expect { try rules.layer4Routes(tls, selectors: [IstioRouteRules.Layer4Selector(port: 8443)], weight: 10, kind: "tls", service: "demo") } throws: {
            "\($0)".contains("no tls route of VirtualService demo matches port 8443")
        }
    }

    @Test func editedWeightsAreNoWeightAndARouteWithoutBothDestinationsIsRefused() throws {
        let rules = IstioRouteRules(try Self.rollout())
        let edited: [KubernetesJSON] = [["name": "primary", "route": [Self.destination("stable", weight: 50), Self.destination("canary", weight: 10)]]]
        #expect(rules.observed(edited, named: ["primary"]).weight == nil)
        #expect { try rules.routes([Self.hostSplit[1]], named: ["other"], weight: 10, headerRoutes: [], mirrorRoutes: [], service: "demo") } throws: {
            "\($0)".contains("none of the HTTP routes other of VirtualService demo has both the stable and the canary destination")
        }
    }
}
