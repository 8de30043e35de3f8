import KubernetesClient
import TurnoutCore
import TurnoutRuntime

/// Weights, header and mirror routes through Gateway API HTTPRoutes and GRPCRoutes (`trafficRouting.gatewayAPI`
/// or the `argoproj-labs/gatewayAPI` plugin): the rules of each route the rollout names are rewritten as
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

    /// Reads the rollout's routes back from the cache: the weight all carry, the header and mirror routes all
    /// routes that take them carry; unverified while a route is missing or its status does not accept it.
    public func observed(for rollout: Rollout) async -> RouterObservation {
        guard let routing = rollout.spec.strategy?.canary?.trafficRouting?.effectiveGatewayAPI else { return .unverified }
        let rules = GatewayRouteRules(rollout)
        var weights: [RouterObservation] = []
        var routed: [RouterObservation] = []
        for (kind, references) in Self.references(routing) {
            guard let informer = caches.gatewayRoutes[kind]?.routes else { return .unverified }
            for reference in references {
                guard let route = await informer.object(key(reference, routing, rollout)), GatewayRouteStatus(route).isAccepted else { return .unverified }
                let observation = rules.observed(route.spec?["rules"]?.arrayValue ?? [])
                weights.append(RouterObservation(weight: observation.weight))
                if reference.useHeaderRoutes ?? false { routed.append(observation) }
            }
        }
        guard let weight = RouterObservation.combined(weights)?.weight else { return .unverified }
        let routes = RouterObservation.combined(routed)
        return RouterObservation(weight: weight, headerRoutes: routes?.headerRoutes ?? [], mirrorRoutes: routes?.mirrorRoutes ?? [])
    }

    /// Rewrites every route of the rollout whose rules do not carry the traffic asked for.
    public func setTraffic(_ traffic: TrafficState, for rollout: Rollout) async throws {
        guard let routing = rollout.spec.strategy?.canary?.trafficRouting?.effectiveGatewayAPI else { return }
        let rules = GatewayRouteRules(rollout)
        let weight = traffic.canaryWeight ?? 0
        for (kind, references) in Self.references(routing) {
            guard let served = caches.gatewayRoutes[kind] else { throw GatewayRoutingError.notServed(kind: kind.rawValue) }
            for reference in references {
                let key = key(reference, routing, rollout)
                guard let route = await served.routes.object(key) else { throw GatewayRoutingError.routeNotFound(kind: kind.rawValue, namespace: key.namespace, route: key.name) }
                let takesRoutes = reference.useHeaderRoutes ?? false
                let headerRoutes = takesRoutes ? traffic.headerRoutes : []
                let mirrorRoutes = takesRoutes ? traffic.mirrorRoutes : []
                let current = route.spec?["rules"]?.arrayValue ?? []
                let wanted = RouterObservation(weight: weight, headerRoutes: headerRoutes.map(\.name).sorted(), mirrorRoutes: mirrorRoutes.map(\.name).sorted())
                let observed = rules.observed(current)
                guard observed != wanted else { continue }
                let desired = try rules.rules(current, weight: weight, headerRoutes: headerRoutes, mirrorRoutes: mirrorRoutes, kind: kind, route: key.name)
                let found = observed.weight.map { "canary weight \($0)" } ?? "weights that do not add up"
                try await writer.patch(
                    route, in: served.resource, RouterObjectWriter.specPatch(["rules": .array(desired)], readAt: route.metadata.resourceVersion),
                    cache: served.routes, for: rollout,
                    restored: "\(kind.rawValue) \(key.name) was changed by someone else (\(found)); put back to canary weight \(weight)")
            }
        }
    }

    /// The routes a rollout names, by kind (kinds without one left out).
    private static func references(_ routing: GatewayAPITrafficRouting) -> [(GatewayRouteKind, [GatewayRouteReference])] {
        [(.http, routing.routes), (.grpc, routing.grpcRouteReferences)].filter { !$0.1.isEmpty }
    }

    private func key(_ reference: GatewayRouteReference, _ routing: GatewayAPITrafficRouting, _ rollout: Rollout) -> InformerKey {
        InformerKey(namespace: routing.routeNamespace(rolloutNamespace: rollout.metadata.namespace ?? ""), name: reference.name)
    }
}
