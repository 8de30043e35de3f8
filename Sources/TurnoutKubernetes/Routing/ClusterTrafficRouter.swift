import TurnoutCore
import TurnoutRuntime

/// The controller's `TrafficRouter`: the Service selectors pin revisions for every rollout, and a rollout with
/// `trafficRouting.nginx` gets its weight from its canary Ingresses, read back. Without a weight router the
/// split is by replica counts, as the Service-selector router reports it.
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
        if Self.routesWithNginx(rollout) {
            observed.canaryWeight = await nginx.observedWeight(for: rollout)
        }
        return observed
    }

    public func setTraffic(_ traffic: TrafficState, for rollout: Rollout) async throws {
        try await services.setTraffic(traffic, for: rollout)
        guard Self.routesWithNginx(rollout) else { return }
        let isFullyPromoted = (traffic.canary == nil || traffic.canary == traffic.stable) && (traffic.canaryWeight ?? 0) == 0
        if isFullyPromoted {
            try await nginx.removeCanaryIngresses(of: rollout)
        } else {
            try await nginx.setWeight(traffic.canaryWeight ?? 0, for: rollout)
        }
    }

    /// Removes what a deleted rollout left in its Services (its canary Ingresses go with it: it owns them).
    public func release(rolloutNamed name: String, namespace: String) async throws {
        try await services.release(rolloutNamed: name, namespace: namespace)
    }

    private static func routesWithNginx(_ rollout: Rollout) -> Bool {
        rollout.spec.strategy?.canary?.trafficRouting?.nginx != nil
    }
}
