import TurnoutCore
import TurnoutRuntime

/// The controller's `TrafficRouter`: the Service selectors pin revisions for every rollout, and a rollout with
/// `trafficRouting.nginx` gets its weight and header route from its canary Ingresses, read back. Without
/// `trafficRouting` the split is by replica counts, as the Service-selector router reports it; a router the
/// controller does not carry out reports no weight and fails each move with a `ReconcileFailed` Event.
public struct ClusterTrafficRouter: TrafficRouter {
    /// Pins revisions through Service selectors, verified by EndpointSlices.
    public let services: ServiceSelectorRouter
    /// Weights through ingress-nginx canary Ingresses.
    public let nginx: NginxIngressRouter

    /// Creates the router from its parts.
    public init(services: ServiceSelectorRouter, nginx: NginxIngressRouter) {
        self.services = services
        self.nginx = nginx
    }

    public func observedTraffic(for rollout: Rollout) async throws -> TrafficState? {
        guard var observed = try await services.observedTraffic(for: rollout) else { return nil }
        if Self.hasUncarriedRouter(rollout) {
            observed.canaryWeight = nil  // no router reads a weight back: none is reported
        } else if Self.routesWithNginx(rollout) {
            let carried = await nginx.observed(for: rollout)
            observed.canaryWeight = carried.weight
            observed.headerRoutes = carried.headerRoutes.map { SetHeaderRoute(name: $0) }
            observed.routesRequests = true
        }
        return observed
    }

    public func setTraffic(_ traffic: TrafficState, for rollout: Rollout) async throws {
        try await services.setTraffic(traffic, for: rollout)
        if Self.hasUncarriedRouter(rollout) { throw ClusterRoutingError.routerNotCarriedOut(rollout: rollout.key) }
        guard Self.routesWithNginx(rollout) else { return }
        let isFullyPromoted = (traffic.canary == nil || traffic.canary == traffic.stable) && (traffic.canaryWeight ?? 0) == 0
            && traffic.headerRoutes.isEmpty && traffic.mirrorRoutes.isEmpty
        if isFullyPromoted {
            try await nginx.removeCanaryIngresses(of: rollout)
        } else {
            try await nginx.setTraffic(traffic, for: rollout)
        }
    }

    /// Removes what a deleted rollout left in its Services (its canary Ingresses go with it: it owns them).
    public func release(rolloutNamed name: String, namespace: String) async throws {
        try await services.release(rolloutNamed: name, namespace: namespace)
    }

    private static func routesWithNginx(_ rollout: Rollout) -> Bool {
        rollout.spec.strategy?.canary?.trafficRouting?.nginx != nil
    }

    /// A canary whose `trafficRouting` names only routers the controller does not carry out (yet).
    private static func hasUncarriedRouter(_ rollout: Rollout) -> Bool {
        guard let routing = rollout.spec.strategy?.canary?.trafficRouting else { return false }
        return routing.nginx == nil
    }
}
