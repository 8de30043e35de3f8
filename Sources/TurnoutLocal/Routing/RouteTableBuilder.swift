import TurnoutCore
import TurnoutProxy

/// Builds the proxy's route table from Services, Ingresses, the engine's traffic decisions and the serving replicas. Pure.
///
/// A Service becomes a listener `service/NAME` whose pool is the serving replicas its selector matches;
/// a rollout's role services (active/stable, preview/canary) are pinned to the revision the engine chose.
/// A weighted canary's split is applied where its stable service is reached through an Ingress, or on the
/// stable service's own listener when no Ingress leads there. NGINX canary Ingresses add a canary pool,
/// weight, header and cookie routes to the Ingress route with the same host and path.
public enum RouteTableBuilder {
    /// The listener shared by all Ingress routes.
    public static let ingressListener = "ingress"

    /// The plan for the given objects and replicas.
    public static func plan(services: [ServiceDefinition], ingresses: [IngressDefinition], rollouts: [RolloutRouting], endpoints: [RevisionEndpoint], ingressAddress: ListenerConfiguration) -> RoutingPlan {
        let serviceByName = Dictionary(services.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        var routes: [Route] = []
        var weighted: [String: [String]] = [:]
        var listeners: [ListenerConfiguration] = []

        let primaryIngresses = ingresses.filter { $0.canary == nil }
        let reachedThroughIngress = Set(primaryIngresses.flatMap { $0.rules.map(\.serviceName) })
        for service in services.sorted(by: { $0.name < $1.name }) {
            listeners.append(service.listenAddress.flatMap { ListenerConfiguration(name: service.routeName, parsing: $0) }
                ?? ListenerConfiguration(name: service.routeName, port: 0))
            let weightedRollout = rollouts.first { $0.isWeighted && $0.stableServices.contains(service.name) && !reachedThroughIngress.contains(service.name) }
            let split = weightedRollout.map { weightedSplit($0, endpoints: endpoints) }
                ?? plainSplit(for: service, rollouts: rollouts, endpoints: endpoints)
            if let weightedRollout { weighted[weightedRollout.name, default: []].append(service.routeName) }
            routes.append(Route(name: service.routeName, listener: service.routeName, split: split))
        }

        for ingress in primaryIngresses.sorted(by: { $0.name < $1.name }) {
            for rule in ingress.rules {
                let name = "ingress/\(ingress.name)/\(rule.host ?? "*")\(rule.path)"
                let split: SplitRoute
                if let rollout = rollouts.first(where: { $0.isWeighted && $0.stableServices.contains(rule.serviceName) }) {
                    split = weightedSplit(rollout, endpoints: endpoints)
                    weighted[rollout.name, default: []].append(name)
                } else if let service = serviceByName[rule.serviceName] {
                    split = plainSplit(for: service, rollouts: rollouts, endpoints: endpoints)
                } else {
                    split = SplitRoute(stable: pool("", []))
                }
                var route = Route(name: name, listener: ingressListener, hosts: rule.host.map { [$0] } ?? [], pathPrefix: rule.path, split: split)
                applyCanaryIngresses(ingresses, to: &route, rule: rule, services: serviceByName, rollouts: rollouts, endpoints: endpoints)
                routes.append(route)
            }
        }
        if !primaryIngresses.isEmpty { listeners.append(ingressAddress) }
        return RoutingPlan(table: RouteTable(routes: routes), listeners: listeners, weightedRoutes: weighted)
    }

    /// The split for a Service without weights: pinned to a revision for role services, else by replica ratio.
    static func plainSplit(for service: ServiceDefinition, rollouts: [RolloutRouting], endpoints: [RevisionEndpoint]) -> SplitRoute {
        guard !service.selector.isEmpty else { return SplitRoute(stable: pool("", [])) }
        let selected = endpoints.filter { endpoint in endpoint.isServing && service.selector.allSatisfy { endpoint.labels[$0.key] == $0.value } }
        if let rollout = rollouts.first(where: { $0.stableServices.contains(service.name) || $0.canaryServices.contains(service.name) }) {
            let isStableRole = rollout.stableServices.contains(service.name)
            let hash = (isStableRole ? rollout.traffic?.stable : rollout.traffic?.canary) ?? rollout.stableHash ?? ""
            return SplitRoute(stable: pool(hash, selected.filter { $0.rollout == rollout.name && $0.revisionHash == hash }))
        }
        let rolloutNames = Set(selected.map(\.rollout))
        guard rolloutNames.count == 1, let rollout = rollouts.first(where: { $0.name == rolloutNames.first }), let stableHash = rollout.stableHash else {
            return SplitRoute(stable: pool("", selected))
        }
        // Replicas of several revisions behind one selector: split by their count, as Kubernetes would.
        let stable = selected.filter { $0.revisionHash == stableHash }
        let canary = selected.filter { $0.revisionHash != stableHash }
        guard let canaryHash = canary.first?.revisionHash else { return SplitRoute(stable: pool(stableHash, stable)) }
        let weight = stable.isEmpty ? 100 : canary.count * 100 / (canary.count + stable.count)
        return SplitRoute(stable: pool(stableHash, stable), canary: pool(canaryHash, canary), canaryWeight: weight)
    }

    /// The weighted split the engine asked for: stable and canary pools, weight, header and mirror routes.
    static func weightedSplit(_ rollout: RolloutRouting, endpoints: [RevisionEndpoint]) -> SplitRoute {
        let serving = endpoints.filter { $0.rollout == rollout.name && $0.isServing }
        let stableHash = rollout.traffic?.stable ?? rollout.stableHash ?? ""
        let canaryHash = rollout.traffic?.canary ?? stableHash
        let weight = rollout.traffic?.canaryWeight ?? 0
        let headerRoutes = (rollout.traffic?.headerRoutes ?? []).map { route in
            HeaderRoute(name: route.name, headers: (route.match ?? []).compactMap { match in
                ValueMatch(match.headerValue).map { HeaderCondition(header: match.headerName, match: $0) }
            })
        }
        let mirror = rollout.traffic?.mirrorRoutes.first.map { route in
            MirrorRoute(name: route.name, percentage: route.percentage ?? 100, matches: (route.match ?? []).map { match in
                MirrorMatch(method: match.method.flatMap(ValueMatch.init), path: match.path.flatMap(ValueMatch.init), headers: (match.headers ?? [:]).compactMapValues(ValueMatch.init))
            })
        }
        return SplitRoute(
            stable: pool(stableHash, serving.filter { $0.revisionHash == stableHash }),
            canary: canaryHash == stableHash ? nil : pool(canaryHash, serving.filter { $0.revisionHash == canaryHash }),
            canaryWeight: canaryHash == stableHash ? 0 : weight,
            maxWeight: rollout.maxWeight,
            headerRoutes: headerRoutes,
            mirror: mirror
        )
    }

    /// Adds the canary pool, weight, header and cookie routes of NGINX canary Ingresses for the same host and path.
    static func applyCanaryIngresses(_ ingresses: [IngressDefinition], to route: inout Route, rule: IngressDefinition.Rule, services: [String: ServiceDefinition], rollouts: [RolloutRouting], endpoints: [RevisionEndpoint]) {
        for ingress in ingresses {
            guard let canary = ingress.canary else { continue }
            for canaryRule in ingress.rules where canaryRule.host == rule.host && canaryRule.path == rule.path {
                guard let service = services[canaryRule.serviceName] else { continue }
                route.split.canary = plainSplit(for: service, rollouts: rollouts, endpoints: endpoints).stable
                route.split.canaryWeight = canary.weight
                if let header = canary.header {
                    let match: ValueMatch = .exact(canary.headerValue ?? "always")
                    route.split.headerRoutes.append(HeaderRoute(name: "\(ingress.name)/by-header", headers: [HeaderCondition(header: header, match: match)]))
                }
                if let cookie = canary.cookie {
                    route.split.cookieRoutes.append(CookieRoute(name: "\(ingress.name)/by-cookie", cookie: cookie))
                }
            }
        }
    }

    /// The revision label of a pool whose revision is not known (yet): metrics are labelled with it.
    public static let unknownRevision = "unknown"

    private static func pool(_ revision: String, _ endpoints: [RevisionEndpoint]) -> UpstreamPool {
        UpstreamPool(revision: revision.isEmpty ? unknownRevision : revision, upstreams: endpoints.map(address).sorted())
    }

    private static func address(_ endpoint: RevisionEndpoint) -> UpstreamAddress {
        UpstreamAddress(host: endpoint.host, port: endpoint.port)
    }
}
