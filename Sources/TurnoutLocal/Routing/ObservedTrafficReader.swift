import TurnoutCore
import TurnoutProxy

/// Reads a rollout's traffic back from the routes the proxy reports in effect. Pure.
public enum ObservedTrafficReader {
    /// What the data plane does for a rollout: revisions behind its role routes, the effective canary
    /// weight on its weighted routes, and the header and mirror routes installed there.
    ///
    /// `installed` is the traffic last installed; it is returned as is for a rollout that no route
    /// serves (nothing in the data plane to verify).
    public static func traffic(for rollout: RolloutRouting, plan: RoutingPlan, observed: [ObservedRoute], installed: TrafficState?) -> TrafficState? {
        let byName = Dictionary(observed.map { ($0.route.name, $0) }, uniquingKeysWith: { _, last in last })
        if rollout.isWeighted {
            let routes = (plan.weightedRoutes[rollout.name] ?? []).compactMap { byName[$0] }
            guard let first = routes.first else { return installed }
            // Every weighted route must agree; a route that lags reports the lagging state.
            let lagging = routes.first { $0.effectiveCanaryWeight != first.effectiveCanaryWeight || $0.route.split != first.route.split } ?? first
            let split = lagging.route.split
            let headerNames = Set(split.headerRoutes.map(\.name))
            return TrafficState(
                stable: known(split.stable.revision),
                canary: known(split.canary?.revision ?? split.stable.revision),
                canaryWeight: split.canary == nil ? 0 : lagging.effectiveCanaryWeight,
                headerRoutes: (installed?.headerRoutes ?? []).filter { headerNames.contains($0.name) },
                mirrorRoutes: (installed?.mirrorRoutes ?? []).filter { $0.name == split.mirror?.name }
            )
        }
        let stableRoute = rollout.stableServices.sorted().compactMap { byName["service/\($0)"] }.first
        let canaryRoute = rollout.canaryServices.sorted().compactMap { byName["service/\($0)"] }.first
        guard stableRoute != nil || canaryRoute != nil else { return installed }
        return TrafficState(
            stable: stableRoute.map { known($0.route.split.stable.revision) } ?? installed?.stable,
            canary: canaryRoute.map { known($0.route.split.stable.revision) } ?? installed?.canary,
            canaryWeight: installed?.canaryWeight,
            headerRoutes: installed?.headerRoutes ?? [],
            mirrorRoutes: installed?.mirrorRoutes ?? []
        )
    }

    /// A pool's revision, `nil` when the pool's revision is not known.
    private static func known(_ revision: String) -> String? {
        revision == RouteTableBuilder.unknownRevision ? nil : revision
    }
}
