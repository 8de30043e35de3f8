import Foundation
import KubernetesClient
import Testing
import TurnoutCore

@testable import TurnoutKubernetes

/// The canary Ingress NGINX routing writes, from the book's listings and Argo Rollouts' rules.
struct NginxCanaryIngressTests {
    static let prefix = NginxCanaryIngress.defaultPrefix
    static let owner = OwnerReference(apiVersion: "argoproj.io/v1alpha1", kind: "Rollout", name: "demo", uid: "uid-1", controller: true, blockOwnerDeletion: true)

    /// A canary rollout `demo` from `blue-service` to `green-service` through `demo-ingress`.
    static func rollout(nginx: KubernetesJSON = ["stableIngress": "demo-ingress"], maxTrafficWeight: Int? = nil) throws -> Rollout {
        var routing: [String: KubernetesJSON] = ["nginx": nginx]
        if let maxTrafficWeight { routing["maxTrafficWeight"] = .int(maxTrafficWeight) }
        let json: KubernetesJSON = [
            "apiVersion": "argoproj.io/v1alpha1", "kind": "Rollout",
            "metadata": ["name": "demo", "namespace": "shop", "uid": "uid-1"],
            "spec": [
                "selector": ["matchLabels": ["app": "demo"]],
                "template": ["metadata": ["labels": ["app": "demo"]], "spec": ["containers": [["name": "demo", "image": "argoproj/rollouts-demo:green"]]]],
                "strategy": ["canary": ["stableService": "blue-service", "canaryService": "green-service", "trafficRouting": .object(routing)]],
            ],
        ]
        return try json.decoded(as: Rollout.self)
    }

    /// A path of an Ingress rule sending `/prefix` to a Service's port 80.
    static func path(_ prefix: String, to service: String) -> KubernetesJSON {
        ["path": .string(prefix), "pathType": "Prefix", "backend": ["service": ["name": .string(service), "port": ["number": 80]]]]
    }

    /// Book listing 5.7's `demo-ingress` in `networking.k8s.io/v1` form, sending demo.info to the blue Service.
    static func stableIngress(rules: [KubernetesJSON]? = nil, annotations: [String: String]? = nil, extra: [String: KubernetesJSON] = [:]) -> Ingress {
        var spec: [String: KubernetesJSON] = ["rules": .array(rules ?? [["host": "demo.info", "http": ["paths": [path("/", to: "blue-service")]]]])]
        spec.merge(extra) { _, new in new }
        return Ingress(metadata: ClusterObjectMeta(name: "demo-ingress", namespace: "shop", annotations: annotations), spec: .object(spec))
    }

    @Test(arguments: [10, 25])
    func aStepWritesTheBooksHandWrittenCanaryIngress(weight: Int) throws {
        let canary = try NginxCanaryIngress.build(from: Self.stableIngress(), for: Self.rollout(), owner: Self.owner, weight: weight)
        // Book listing 5.11: canary "true", the weight, and demo.info's "/" sent to green-service:80.
        #expect(canary.metadata.annotations == ["nginx.ingress.kubernetes.io/canary": "true", "nginx.ingress.kubernetes.io/canary-weight": "\(weight)"])
        #expect(canary.spec == ["rules": [["host": "demo.info", "http": ["paths": [Self.path("/", to: "green-service")]]]]])
        #expect(canary.metadata.name == "demo-demo-ingress-canary")
        #expect(canary.metadata.namespace == "shop")
        #expect(canary.metadata.ownerReferences == [Self.owner])
        #expect(canary.backendServices == ["green-service"])
        #expect(NginxCanaryIngress.weight(of: canary, prefix: NginxCanaryIngress.defaultPrefix) == weight)
    }

    @Test func onlyRulesThatSendTrafficToTheStableServiceAreCopiedAndOnlyThosePathsRewritten() throws {
        let stable = Self.stableIngress(
            rules: [
                ["host": "demo.info", "http": ["paths": [Self.path("/", to: "blue-service"), Self.path("/admin", to: "admin")]]],
                ["host": "other.info", "http": ["paths": [Self.path("/", to: "other")]]],
            ],
            annotations: ["kubernetes.io/ingress.class": "nginx", "nginx.ingress.kubernetes.io/rewrite-target": "/"],
            extra: ["tls": [["hosts": ["demo.info"], "secretName": "demo-tls"]], "ingressClassName": "nginx"])
        let canary = try NginxCanaryIngress.build(from: stable, for: Self.rollout(), owner: Self.owner, weight: 5)
        #expect(canary.spec?["rules"] == [["host": "demo.info", "http": ["paths": [Self.path("/", to: "green-service"), Self.path("/admin", to: "admin")]]]])
        #expect(canary.spec?["tls"] == [["hosts": ["demo.info"], "secretName": "demo-tls"]])
        #expect(canary.spec?["ingressClassName"] == "nginx")
        // The class annotation is kept; the stable Ingress's other annotations are not.
        #expect(canary.metadata.annotations?["kubernetes.io/ingress.class"] == "nginx")
        #expect(canary.metadata.annotations?["nginx.ingress.kubernetes.io/rewrite-target"] == nil)
    }

    @Test func additionalAnnotationsArePrefixedFullOnesKeptAndCanaryAndWeightAlwaysWin() throws {
        let rollout = try Self.rollout(
            nginx: [
                "stableIngress": "demo-ingress", "annotationPrefix": "custom.nginx.org",
                "additionalIngressAnnotations": ["canary-by-header": "X-Canary", "custom.nginx.org/canary-weight": "99"],
                "canaryIngressAnnotations": ["example.com/team": "web"],
            ],
            maxTrafficWeight: 1000)
        let canary = try NginxCanaryIngress.build(from: Self.stableIngress(), for: rollout, owner: Self.owner, weight: 250)
        #expect(canary.metadata.annotations == [
            "custom.nginx.org/canary-by-header": "X-Canary",
            "example.com/team": "web",
            "custom.nginx.org/canary": "true",
            "custom.nginx.org/canary-weight": "250",
            "custom.nginx.org/canary-weight-total": "1000",
        ])
        #expect(NginxCanaryIngress.weight(of: canary, prefix: "custom.nginx.org") == 250)
        #expect(NginxCanaryIngress.weight(of: canary, prefix: NginxCanaryIngress.defaultPrefix) == nil, "read with another prefix it is no canary")
    }

    @Test func aStableIngressWithoutARuleForTheStableServiceIsRefusedWithTheFix() throws {
        let stable = Self.stableIngress(rules: [["host": "demo.info", "http": ["paths": [Self.path("/", to: "other")]]]])
        #expect {
            try NginxCanaryIngress.build(from: stable, for: Self.rollout(), owner: Self.owner, weight: 10)
        } throws: { error in
            "\(error)".contains("no rule of Ingress shop/demo-ingress sends traffic to the stable Service blue-service")
        }
    }

    @Test func anEditedCanaryIngressNoLongerMatchesAndThePatchPutsItBack() throws {
        let rollout = try Self.rollout()
        let desired = try NginxCanaryIngress.build(from: Self.stableIngress(), for: rollout, owner: Self.owner, weight: 25)
        #expect(NginxCanaryIngress.matches(desired, desired, prefix: Self.prefix))
        var edited = desired
        edited.metadata.annotations?["nginx.ingress.kubernetes.io/canary-weight"] = "90"
        edited.metadata.annotations?["someone/else"] = "kept"
        edited.spec = edited.spec?.replacing(["tls"], with: [["hosts": ["x"]]])
        #expect(!NginxCanaryIngress.matches(edited, desired, prefix: Self.prefix))
        let patch = NginxCanaryIngress.patch(bringing: edited, to: desired, prefix: Self.prefix)
        #expect(patch.document == [
            "metadata": ["annotations": ["nginx.ingress.kubernetes.io/canary": "true", "nginx.ingress.kubernetes.io/canary-weight": "25"]],
            "spec": ["rules": desired.spec?["rules"] ?? .null, "tls": .null],
        ])
        var foreign = desired
        foreign.metadata.ownerReferences = nil
        #expect(!NginxCanaryIngress.matches(foreign, desired, prefix: Self.prefix), "not controlled by the rollout")
    }

    @Test(arguments: [
        (StringMatch(exact: "always"), "canary-by-header-value", "always"),
        (StringMatch(prefix: "v2.1+"), "canary-by-header-pattern", "^v2\\.1\\+.*"),
        (StringMatch(regex: "^(beta|alpha)$"), "canary-by-header-pattern", "^(beta|alpha)$"),
    ])
    func aHeaderRouteIsCanaryByHeaderWithItsValueOrPattern(value: StringMatch, annotation: String, expected: String) throws {
        let route = SetHeaderRoute(name: "testers", match: [HeaderRouteMatch(headerName: "X-Canary", headerValue: value)])
        let canary = try NginxCanaryIngress.build(from: Self.stableIngress(), for: Self.rollout(), owner: Self.owner, weight: 0, headerRoute: route)
        #expect(canary.metadata.annotations == [
            "nginx.ingress.kubernetes.io/canary": "true", "nginx.ingress.kubernetes.io/canary-weight": "0",
            "nginx.ingress.kubernetes.io/canary-by-header": "X-Canary", "nginx.ingress.kubernetes.io/\(annotation)": expected,
            "turnout.dev/header-route": "testers",
        ])
        #expect(NginxCanaryIngress.headerRoute(of: canary, prefix: Self.prefix) == "testers")
        // Read back, the route rebuilds the same Ingress.
        let readBack = NginxCanaryIngress.readHeaderRoute(of: canary, prefix: Self.prefix)
        let rebuilt = try NginxCanaryIngress.build(from: Self.stableIngress(), for: Self.rollout(), owner: Self.owner, weight: 0, headerRoute: readBack)
        #expect(NginxCanaryIngress.matches(canary, rebuilt, prefix: Self.prefix))
    }

    @Test(arguments: [
        ("beta=always", ["nginx.ingress.kubernetes.io/canary-by-cookie": "beta"]),
        ("beta=on", ["nginx.ingress.kubernetes.io/canary-by-header": "Cookie", "nginx.ingress.kubernetes.io/canary-by-header-pattern": "(^|;\\s*)beta=on(;|$)"]),
    ])
    func aCookieRouteIsCanaryByCookieOrAPatternOnTheCookieHeader(value: String, expected: [String: String]) throws {
        let route = SetHeaderRoute(name: "testers", match: [HeaderRouteMatch(headerName: "Cookie", headerValue: StringMatch(exact: value))])
        let canary = try NginxCanaryIngress.build(from: Self.stableIngress(), for: Self.rollout(), owner: Self.owner, weight: 0, headerRoute: route)
        let routing = (canary.metadata.annotations ?? [:]).filter { $0.key.contains("canary-by") }
        #expect(routing == expected)
        #expect(NginxCanaryIngress.headerRoute(of: canary, prefix: Self.prefix) == "testers")
        let rebuilt = try NginxCanaryIngress.build(
            from: Self.stableIngress(), for: Self.rollout(), owner: Self.owner, weight: 0, headerRoute: NginxCanaryIngress.readHeaderRoute(of: canary, prefix: Self.prefix))
        #expect(NginxCanaryIngress.matches(canary, rebuilt, prefix: Self.prefix), "read back, it rebuilds the same Ingress")
    }

    @Test func aHeaderRouteOnTwoHeadersIsRefusedAndARemovedOneIsTakenOff() throws {
        let two = SetHeaderRoute(name: "two", match: [
            HeaderRouteMatch(headerName: "X-A", headerValue: StringMatch(exact: "1")), HeaderRouteMatch(headerName: "X-B", headerValue: StringMatch(exact: "2")),
        ])
        #expect {
            try NginxCanaryIngress.build(from: Self.stableIngress(), for: Self.rollout(), owner: Self.owner, weight: 10, headerRoute: two)
        } throws: { "\($0)".contains("header route two cannot be carried out by NGINX: it matches 2 headers and NGINX matches one") }

        let route = SetHeaderRoute(name: "testers", match: [HeaderRouteMatch(headerName: "X-Canary", headerValue: StringMatch(exact: "yes"))])
        let withRoute = try NginxCanaryIngress.build(from: Self.stableIngress(), for: Self.rollout(), owner: Self.owner, weight: 10, headerRoute: route)
        let without = try NginxCanaryIngress.build(from: Self.stableIngress(), for: Self.rollout(), owner: Self.owner, weight: 10)
        #expect(!NginxCanaryIngress.matches(withRoute, without, prefix: Self.prefix), "a route no longer asked for is still there")
        let annotations = NginxCanaryIngress.patch(bringing: withRoute, to: without, prefix: Self.prefix).document[path: ["metadata", "annotations"]]
        #expect(annotations?["nginx.ingress.kubernetes.io/canary-by-header"] == .null)
        #expect(annotations?["nginx.ingress.kubernetes.io/canary-by-header-value"] == .null)
        #expect(annotations?["turnout.dev/header-route"] == .null)
        #expect(annotations?["nginx.ingress.kubernetes.io/canary-by-header-pattern"] == nil, "only what is there is removed")
    }

    @Test(arguments: [
        ("demo", "demo-ingress", "demo-demo-ingress-canary"),
        (String(repeating: "r", count: 200), String(repeating: "i", count: 100), String(repeating: "r", count: 200) + "-" + String(repeating: "i", count: 45) + "-canary"),
    ])
    func theCanaryIngressIsNamedAsArgoNamesItWithinTheLengthLimit(rollout: String, stable: String, expected: String) {
        let name = NginxCanaryIngress.name(rollout: rollout, stableIngress: stable)
        #expect(name == expected)
        #expect(name.count <= 253)
    }
}
