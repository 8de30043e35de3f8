/// Checks `spec.strategy.canary.trafficRouting`: a router is named and configured, and the services it needs exist.
enum TrafficRoutingRules {
    private static let path = CanaryRules.path + [.key("trafficRouting")]
    private static let supported = "nginx, istio and the argoproj-labs/gatewayAPI plugin"

    /// Reports every problem of a canary's traffic routing.
    static func check(_ routing: TrafficRouting, canary: CanaryStrategy, in context: inout LintContext) {
        let plugins = routing.plugins ?? [:]
        let hasRouter = routing.nginx != nil || routing.istio != nil || !routing.unsupportedRouterNames.isEmpty || !plugins.isEmpty
        if !hasRouter {
            context.error(
                path, "trafficRouting names no router",
                fix: "add nginx (with stableIngress), istio (with virtualService) or plugins (argoproj-labs/gatewayAPI), or remove trafficRouting to split by replica ratio")
        }
        if let weight = routing.maxTrafficWeight, weight < 1 {
            context.error(path + [.key("maxTrafficWeight")], "maxTrafficWeight must be at least 1, got \(weight)", fix: "use 100, or remove it")
        }
        checkRouters(routing, plugins: plugins, in: &context)
        checkServices(routing, canary: canary, in: &context)
    }

    private static func checkRouters(_ routing: TrafficRouting, plugins: [String: JSONValue], in context: inout LintContext) {
        if let nginx = routing.nginx {
            let ingresses = ([nginx.stableIngress ?? ""] + (nginx.stableIngresses ?? [])).filter { !$0.isEmpty }
            let isWritten = ["stableIngress", "stableIngresses"].contains { context.isWritten(path + [.key("nginx"), .key($0)]) }
            if ingresses.isEmpty, !isWritten {
                context.error(
                    path + [.key("nginx"), .key("stableIngress")], "nginx routing needs stableIngress: the Ingress that serves stable traffic",
                    fix: "set stableIngress to the name of your Ingress")
            }
        }
        if let istio = routing.istio, istio.virtualService == nil, (istio.virtualServices ?? []).isEmpty,
            !context.isWritten(path + [.key("istio"), .key("virtualService")]) {
            context.error(
                path + [.key("istio"), .key("virtualService")], "istio routing needs a virtualService",
                fix: "name the VirtualService whose route weights Turnout sets: `virtualService: {name: NAME}`")
        }
        // Valid Argo manifests: a warning here, a clear refusal only from a runtime asked to carry them out.
        for name in routing.unsupportedRouterNames {
            context.warning(
                path + [.key(name)], "Turnout does not route traffic through \(name); it supports \(supported)",
                fix: "use one of those routers, or remove trafficRouting to split by replica ratio")
        }
        for name in plugins.keys.sorted() where !name.hasSuffix("gatewayAPI") {
            context.warning(
                path + [.key("plugins"), .key(name)], "Turnout does not run the router plugin `\(name)`; it supports \(supported)",
                fix: "use one of those routers")
        }
    }

    private static func checkServices(_ routing: TrafficRouting, canary: CanaryStrategy, in context: inout LintContext) {
        // Argo's requireCanaryStableServices: ALB and Istio (without a DestinationRule) can use pingPong instead.
        let hasPingPong = canary.pingPong != nil
        let needing: [(String, Bool)] = [
            ("nginx", routing.nginx != nil),
            ("istio", routing.istio != nil && routing.istio?.destinationRule == nil && !hasPingPong),
            ("alb", routing.alb != nil && !hasPingPong),
            ("smi", routing.smi != nil),
            ("apisix", routing.apisix != nil),
            ("ambassador", routing.ambassador != nil),
            ("appMesh", routing.appMesh != nil),
            ("traefik", routing.traefik != nil),
        ]
        guard let router = needing.first(where: \.1)?.0 else { return }
        let services: [(field: String, name: String?, pods: String)] = [
            ("canaryService", canary.canaryService, "canary"), ("stableService", canary.stableService, "stable"),
        ]
        for service in services where (service.name ?? "").isEmpty && (service.name != nil || !context.isWritten(CanaryRules.path + [.key(service.field)])) {
            context.error(
                CanaryRules.path + [.key(service.field)], "\(router) traffic routing needs both canaryService and stableService",
                fix: "name the Service that selects the \(service.pods) pods")
        }
    }

    /// `pingPong`: both services named and different (Argo's rules), and only with routers that swap them.
    static func checkPingPong(_ pingPong: JSONValue, canary: CanaryStrategy, in context: inout LintContext) {
        let pingPath = CanaryRules.path + [.key("pingPong")]
        let ping = pingPong["pingService"]?.stringValue ?? ""
        let pong = pingPong["pongService"]?.stringValue ?? ""
        for (field, name) in [("pingService", ping), ("pongService", pong)] where name.isEmpty {
            context.error(pingPath + [.key(field)], "pingPong needs both pingService and pongService", fix: "name the two Services that take turns as stable and canary")
        }
        if !ping.isEmpty, ping == pong {
            context.error(pingPath + [.key("pingService")], "pingService and pongService are both `\(ping)`; two different Services are required", fix: "create a second Service")
        }
        if let routing = canary.trafficRouting, routing.alb == nil, routing.istio == nil, (routing.plugins ?? [:]).isEmpty {
            context.error(pingPath, "pingPong works only with alb, istio or a router plugin", fix: "use canaryService and stableService instead")
        }
        context.warning(
            pingPath, "Turnout does not swap ping-pong Services yet; the services are kept as written",
            fix: "use canaryService and stableService to have Turnout pin them")
    }
}
