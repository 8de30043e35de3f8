import TurnoutCore
import TurnoutRuntime

/// The controller's `TrafficRouter`: the Service selectors (or an Istio DestinationRule's subsets) pin
/// revisions; a rollout with `trafficRouting.nginx`, Gateway API or Istio routing gets its weight, header and
/// mirror routes from those routers' objects, read back, and a move counts only when every router it names carries it. Without
/// `trafficRouting` the split is by replica counts, as the Service-selector router reports it; a router the
/// controller does not carry out reports no weight and fails each move with a `ReconcileFailed` Event.
public struct ClusterTrafficRouter: TrafficRouter {
    /// Pins revisions through Service selectors, verified by EndpointSlices.
    public let services: ServiceSelectorRouter
    /// Weights and header routes through ingress-nginx canary Ingresses.
    public let nginx: NginxIngressRouter
    /// Weights, header and mirror routes through Gateway API HTTPRoutes.
    public let gateway: GatewayAPIRouter
    /// Weights, header and mirror routes through Istio VirtualServices, pins through DestinationRules.
    public let istio: IstioRouter

    /// Creates the router from its parts.
    public init(services: ServiceSelectorRouter, nginx: NginxIngressRouter, gateway: GatewayAPIRouter, istio: IstioRouter) {
        self.services = services
        self.nginx = nginx
        self.gateway = gateway
        self.istio = istio
    }

    /// The weight routers a rollout's `trafficRouting` names.
    enum WeightRouter: CaseIterable {
        case nginx, gatewayAPI, istio

        static func named(by rollout: Rollout) -> [WeightRouter] {
            guard let routing = rollout.spec.strategy?.canary?.trafficRouting else { return [] }
            return allCases.filter { router in
                switch router {
                case .nginx: return routing.nginx != nil
                case .gatewayAPI: return routing.effectiveGatewayAPI != nil
                case .istio: return routing.istio != nil
                }
            }
        }
    }

    public func observedTraffic(for rollout: Rollout) async throws -> TrafficState? {
        var observed = try await services.observedTraffic(for: rollout)
        if let pins = await istio.subsetPins(for: rollout) {
            observed = Self.pinnedBySubsets(pins, services: observed, of: rollout)
        }
        guard var observed else { return nil }
        let routers = WeightRouter.named(by: rollout)
        if Self.hasUncarriedRouter(rollout, routers) {
            observed.canaryWeight = nil  // no router reads a weight back: none is reported
        } else if !routers.isEmpty {
            var observations: [RouterObservation] = []
            for router in routers {
                switch router {
                case .nginx: observations.append(await nginx.observed(for: rollout))
                case .gatewayAPI: observations.append(await gateway.observed(for: rollout))
                case .istio: observations.append(await istio.observed(for: rollout))
                }
            }
            let carried = RouterObservation.combined(observations) ?? .unverified
            observed.canaryWeight = carried.weight
            observed.headerRoutes = carried.headerRoutes.map { SetHeaderRoute(name: $0) }
            observed.mirrorRoutes = carried.mirrorRoutes.map { SetMirrorRoute(name: $0) }
            observed.routesRequests = true
        }
        return observed
    }

    public func setTraffic(_ traffic: TrafficState, for rollout: Rollout) async throws {
        try await services.setTraffic(traffic, for: rollout)
        let routers = WeightRouter.named(by: rollout)
        if Self.hasUncarriedRouter(rollout, routers) { throw ClusterRoutingError.routerNotCarriedOut(rollout: rollout.key) }
        let isFullyPromoted = (traffic.canary == nil || traffic.canary == traffic.stable) && (traffic.canaryWeight ?? 0) == 0
            && traffic.headerRoutes.isEmpty && traffic.mirrorRoutes.isEmpty
        for router in routers {
            switch router {
            case .nginx where isFullyPromoted: try await nginx.removeCanaryIngresses(of: rollout)
            case .nginx: try await nginx.setTraffic(traffic, for: rollout)
            case .gatewayAPI: try await gateway.setTraffic(traffic, for: rollout)
            case .istio: try await istio.setTraffic(traffic, for: rollout)
            }
        }
    }

    /// Removes what a deleted rollout left in its Services (its canary Ingresses go with it: it owns them).
    public func release(rolloutNamed name: String, namespace: String) async throws {
        try await services.release(rolloutNamed: name, namespace: namespace)
    }

    /// Subset-split: the DestinationRule's subsets pin the revisions (nothing is routed before the stable
    /// subset carries a hash); Services named beside it must agree with them.
    private static func pinnedBySubsets(_ pins: (stable: String?, canary: String?), services: TrafficState?, of rollout: Rollout) -> TrafficState? {
        guard pins.stable != nil else { return nil }
        let agree = ServiceRoles(rollout).all.isEmpty || (services?.stable == pins.stable && services?.canary == pins.canary)
        return TrafficState(stable: agree ? pins.stable : nil, canary: agree ? pins.canary : nil)
    }

    /// A canary whose `trafficRouting` names only routers the controller does not carry out (yet).
    private static func hasUncarriedRouter(_ rollout: Rollout, _ routers: [WeightRouter]) -> Bool {
        rollout.spec.strategy?.canary?.trafficRouting != nil && routers.isEmpty
    }
}
