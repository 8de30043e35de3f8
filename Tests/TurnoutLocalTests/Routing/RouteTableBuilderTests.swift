import Testing
import TurnoutCore
import TurnoutLocal
import TurnoutProxy

@Suite struct RouteTableBuilderTests {
    static let labels = ["app": "demo"]
    static let ingressListener = ListenerConfiguration(name: RouteTableBuilder.ingressListener, port: 0)

    func endpoint(_ hash: String, _ port: Int, serving: Bool = true) -> RevisionEndpoint {
        RevisionEndpoint(rollout: "demo", revisionHash: hash, labels: Self.labels, port: port, isServing: serving)
    }

    func rollout(canary: CanaryStrategy? = nil, blueGreen: BlueGreenStrategy? = nil, stable: String = "old", traffic: TrafficState?) -> RolloutRouting {
        var rollout = Rollout(metadata: ObjectMeta(name: "demo"), spec: RolloutSpec(strategy: RolloutStrategy(blueGreen: blueGreen, canary: canary)))
        var status = RolloutStatus()
        status.stableRS = stable
        rollout.status = status
        return RolloutRouting(rollout: rollout, traffic: traffic)
    }

    func object(_ yaml: String) -> KubernetesObject {
        let set = ManifestLoader.load(text: yaml, file: "test.yaml")
        guard case .other(let object)? = set.documents.first?.object else { fatalError("not an object: \(set.diagnostics)") }
        return object
    }

    @Test func blueGreenServicesArePinnedToTheRevisionsTheEngineChose() throws {
        let strategy = BlueGreenStrategy(activeService: "active", previewService: "preview")
        let services = [ServiceDefinition(name: "active", selector: Self.labels), ServiceDefinition(name: "preview", selector: Self.labels, listenAddress: "127.0.0.1:9090")]
        let plan = RouteTableBuilder.plan(
            services: services, ingresses: [],
            rollouts: [rollout(blueGreen: strategy, traffic: TrafficState(stable: "old", canary: "new"))],
            endpoints: [endpoint("old", 1001), endpoint("old", 1002), endpoint("new", 2001), endpoint("new", 2002, serving: false)],
            ingressAddress: Self.ingressListener
        )
        let active = try #require(plan.table.route(named: "service/active"))
        #expect(active.split.stable == UpstreamPool(revision: "old", upstreams: [UpstreamAddress(host: "127.0.0.1", port: 1001), UpstreamAddress(host: "127.0.0.1", port: 1002)]))
        #expect(active.split.canary == nil)
        let preview = try #require(plan.table.route(named: "service/preview"))
        #expect(preview.split.stable.upstreams == [UpstreamAddress(host: "127.0.0.1", port: 2001)])
        #expect(plan.listeners.contains(ListenerConfiguration(name: "service/preview", host: "127.0.0.1", port: 9090)))
        #expect(plan.listeners.contains(ListenerConfiguration(name: "service/active", port: 0)))
    }

    @Test func plainServiceSplitsByReplicaCount() throws {
        let plan = RouteTableBuilder.plan(
            services: [ServiceDefinition(name: "demo-service", selector: Self.labels)], ingresses: [],
            rollouts: [rollout(canary: CanaryStrategy(steps: []), traffic: TrafficState(stable: "old", canary: "new"))],
            endpoints: [endpoint("old", 1), endpoint("old", 2), endpoint("old", 3), endpoint("new", 4)],
            ingressAddress: Self.ingressListener
        )
        let split = try #require(plan.table.route(named: "service/demo-service")).split
        #expect(split.stable.revision == "old")
        #expect(split.canary?.revision == "new")
        #expect(split.canaryWeight == 25)
    }

    @Test func weightedCanaryIsSplitOnTheIngressThatLeadsToItsStableService() throws {
        var strategy = CanaryStrategy(steps: [], trafficRouting: TrafficRouting(nginx: NginxTrafficRouting(stableIngress: "web")))
        strategy.stableService = "stable"
        strategy.canaryService = "canary"
        let header = SetHeaderRoute(name: "testers", match: [HeaderRouteMatch(headerName: "x-test", headerValue: StringMatch(exact: "yes"))])
        let ingress = IngressDefinition(object("""
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata: {name: web}
            spec:
              rules:
              - host: demo.info
                http:
                  paths:
                  - path: /
                    pathType: Prefix
                    backend: {service: {name: stable, port: {number: 80}}}
            """))
        let plan = RouteTableBuilder.plan(
            services: [ServiceDefinition(name: "stable", selector: Self.labels), ServiceDefinition(name: "canary", selector: Self.labels)],
            ingresses: [try #require(ingress)],
            rollouts: [rollout(canary: strategy, traffic: TrafficState(stable: "old", canary: "new", canaryWeight: 20, headerRoutes: [header]))],
            endpoints: [endpoint("old", 1), endpoint("new", 2)],
            ingressAddress: Self.ingressListener
        )
        let route = try #require(plan.table.route(named: "ingress/web/demo.info/"))
        #expect(route.hosts == ["demo.info"])
        #expect(route.split.canaryWeight == 20)
        #expect(route.split.canary?.upstreams == [UpstreamAddress(host: "127.0.0.1", port: 2)])
        #expect(route.split.headerRoutes == [HeaderRoute(name: "testers", headers: [HeaderCondition(header: "x-test", match: .exact("yes"))])])
        #expect(plan.weightedRoutes["demo"] == ["ingress/web/demo.info/"])
        // The stable service itself stays pinned to stable.
        #expect(plan.table.route(named: "service/stable")?.split.canary == nil)
    }

    @Test func nginxCanaryIngressOfTheSeedsAddsWeightHeaderAndCookie() throws {
        let stable = try #require(IngressDefinition(object("""
            apiVersion: extensions/v1beta1
            kind: Ingress
            metadata: {name: demo-ingress}
            spec:
              rules:
              - host: demo.info
                http:
                  paths:
                  - path: /
                    backend: {serviceName: blue-service, servicePort: 80}
            """)))
        let canary = try #require(IngressDefinition(object("""
            apiVersion: extensions/v1beta1
            kind: Ingress
            metadata:
              name: canary-ingress
              annotations:
                nginx.ingress.kubernetes.io/canary: "true"
                nginx.ingress.kubernetes.io/canary-weight: "10"
                nginx.ingress.kubernetes.io/canary-by-header: x-canary
                nginx.ingress.kubernetes.io/canary-by-cookie: canary
            spec:
              rules:
              - host: demo.info
                http:
                  paths:
                  - path: /
                    backend: {serviceName: green-service, servicePort: 80}
            """)))
        let blue = RevisionEndpoint(rollout: "blue", revisionHash: "b", labels: ["app": "blue"], port: 1, isServing: true)
        let green = RevisionEndpoint(rollout: "green", revisionHash: "g", labels: ["app": "green"], port: 2, isServing: true)
        let plan = RouteTableBuilder.plan(
            services: [ServiceDefinition(name: "blue-service", selector: ["app": "blue"]), ServiceDefinition(name: "green-service", selector: ["app": "green"])],
            ingresses: [stable, canary], rollouts: [], endpoints: [blue, green], ingressAddress: Self.ingressListener
        )
        let split = try #require(plan.table.route(named: "ingress/demo-ingress/demo.info/")).split
        #expect(split.stable.upstreams == [UpstreamAddress(host: "127.0.0.1", port: 1)])
        #expect(split.canary?.upstreams == [UpstreamAddress(host: "127.0.0.1", port: 2)])
        #expect(split.canaryWeight == 10)
        #expect(split.headerRoutes.map(\.name) == ["canary-ingress/by-header"])
        #expect(split.cookieRoutes.map(\.cookie) == ["canary"])
        #expect(plan.listeners.map(\.name).contains(RouteTableBuilder.ingressListener))
    }

    @Test func observedTrafficComesFromTheRoutesInEffect() throws {
        var strategy = CanaryStrategy(steps: [], trafficRouting: TrafficRouting(nginx: NginxTrafficRouting(stableIngress: "web")))
        strategy.stableService = "stable"
        let wanted = TrafficState(stable: "old", canary: "new", canaryWeight: 30)
        let routing = rollout(canary: strategy, traffic: wanted)
        let plan = RouteTableBuilder.plan(
            services: [ServiceDefinition(name: "stable", selector: Self.labels)], ingresses: [], rollouts: [routing],
            endpoints: [endpoint("old", 1), endpoint("new", 2)], ingressAddress: Self.ingressListener
        )
        let route = try #require(plan.table.route(named: "service/stable"))
        let inEffect = ObservedRoute(route: route, generation: 1, effectiveCanaryWeight: 30, upstreams: [])
        #expect(ObservedTrafficReader.traffic(for: routing, plan: plan, observed: [inEffect], installed: wanted) == wanted)
        let lagging = ObservedRoute(route: route, generation: 1, effectiveCanaryWeight: 0, upstreams: [])
        #expect(ObservedTrafficReader.traffic(for: routing, plan: plan, observed: [lagging], installed: wanted)?.canaryWeight == 0)
        #expect(ObservedTrafficReader.traffic(for: routing, plan: plan, observed: [], installed: wanted) == wanted)
    }
}
