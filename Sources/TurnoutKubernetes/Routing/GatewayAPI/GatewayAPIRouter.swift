import KubernetesClient
import TurnoutCore
import TurnoutRuntime

/// Weights, header and mirror routes through Gateway API HTTPRoutes (`trafficRouting.gatewayAPI` or the
/// `argoproj-labs/gatewayAPI` plugin): the rules of each HTTPRoute the rollout names are rewritten as
/// `GatewayRouteRules` says, read back from the watch before a step counts, and counted only while the
/// route's own status (when a Gateway's controller writes one) accepts it at its current generation. A route
/// changed by someone else is put back, with an Event.
public actor GatewayAPIRouter {
    private let caches: ClusterCaches
    private let writer: RouterObjectWriter

    /// Creates the router.
    public init(caches: ClusterCaches, writer: RouterObjectWriter) {
        self.caches = caches
        self.writer = writer
    }

    /// Reads the rollout's HTTPRoutes back from the cache: the weight all carry, the header and mirror routes
    /// all routes that take them carry; unverified while a route is missing or its status does not accept it.
    public func observed(for rollout: Rollout) async -> RouterObservation {
        guard let routing = rollout.spec.strategy?.canary?.trafficRouting?.effectiveGatewayAPI, let informer = caches.httpRoutes else { return .unverified }
        let rules = GatewayRouteRules(rollout)
        var weights: [RouterObservation] = []
        var routed: [RouterObservation] = []
        for reference in routing.routes {
            guard let route = await informer.object(key(reference, routing, rollout)), GatewayRouteStatus(route).isAccepted else { return .unverified }
            let observation = rules.observed(route.spec?["rules"]?.arrayValue ?? [])
            weights.append(RouterObservation(weight: observation.weight))
            if reference.useHeaderRoutes ?? false { routed.append(observation) }
        }
        guard let weight = RouterObservation.combined(weights)?.weight else { return .unverified }
        let routes = RouterObservation.combined(routed)
        return RouterObservation(weight: weight, headerRoutes: routes?.headerRoutes ?? [], mirrorRoutes: routes?.mirrorRoutes ?? [])
    }

    /// Rewrites every HTTPRoute of the rollout whose rules do not carry the traffic asked for.
    public func setTraffic(_ traffic: TrafficState, for rollout: Rollout) async throws {
        guard let routing = rollout.spec.strategy?.canary?.trafficRouting?.effectiveGatewayAPI else { return }
        guard let informer = caches.httpRoutes, let resource = caches.httpRouteResource else { throw GatewayRoutingError.notServed }
        let rules = GatewayRouteRules(rollout)
        let weight = traffic.canaryWeight ?? 0
        for reference in routing.routes {
            let key = key(reference, routing, rollout)
            guard let route = await informer.object(key) else { throw GatewayRoutingError.routeNotFound(namespace: key.namespace, route: key.name) }
            let takesRoutes = reference.useHeaderRoutes ?? false
            let headerRoutes = takesRoutes ? traffic.headerRoutes : []
            let mirrorRoutes = takesRoutes ? traffic.mirrorRoutes : []
            let current = route.spec?["rules"]?.arrayValue ?? []
            let wanted = RouterObservation(weight: weight, headerRoutes: headerRoutes.map(\.name).sorted(), mirrorRoutes: mirrorRoutes.map(\.name).sorted())
            guard rules.observed(current) != wanted else { continue }
            let desired = try rules.rules(current, weight: weight, headerRoutes: headerRoutes, mirrorRoutes: mirrorRoutes, route: key.name)
            let found = rules.observed(current).weight.map { "canary weight \($0)" } ?? "weights that do not add up"
            try await writer.patch(
                route, in: resource, RouterObjectWriter.specPatch(["rules": .array(desired)], readAt: route.metadata.resourceVersion), cache: informer,
                for: rollout, restored: "HTTPRoute \(key.name) was changed by someone else (\(found)); put back to canary weight \(weight)")
        }
    }

    private func key(_ reference: GatewayRouteReference, _ routing: GatewayAPITrafficRouting, _ rollout: Rollout) -> InformerKey {
        InformerKey(namespace: routing.namespace.flatMap { $0.isEmpty ? nil : $0 } ?? rollout.metadata.namespace ?? "", name: reference.name)
    }
}
