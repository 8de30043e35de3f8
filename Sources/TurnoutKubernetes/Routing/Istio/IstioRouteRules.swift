import KubernetesClient
import TurnoutCore
import TurnoutRuntime

/// The routes of an Istio VirtualService as a rollout wants them, as Argo Rollouts writes them: in each HTTP
/// route it names (the first unmanaged one when it names none), and in the TLS and TCP routes its `tlsRoutes`
/// and `tcpRoutes` select (the first of each when it selects none), the canary destination (its host is the canary
/// Service, or its subset the canary subset) weighs the canary weight and the stable one the rest; header
/// and mirror routes are routes of their own, named after them, placed first in `managedRoutes` order. Pure.
public struct IstioRouteRules: Sendable {
    /// The stable Service (host-split).
    public var stableService: String
    /// The canary Service (host-split).
    public var canaryService: String
    /// The stable and canary subsets (subset-split with a DestinationRule).
    public var subsets: (stable: String, canary: String)?
    /// The weight that means all traffic.
    public var maxWeight: Int
    /// The managed route names, in precedence order.
    public var managedNames: [String]

    /// The rules of the rollout's canary strategy.
    public init(_ rollout: Rollout) {
        let canary = rollout.spec.strategy?.canary
        stableService = canary?.stableService ?? ""
        canaryService = canary?.canaryService ?? ""
        subsets = canary?.trafficRouting?.istio?.destinationRule.map { (stable: $0.stableSubsetName, canary: $0.canarySubsetName) }
        maxWeight = canary?.maxTrafficWeight ?? 100
        managedNames = (canary?.trafficRouting?.managedRoutes ?? []).map(\.name)
    }

    /// `http` with the weights set in the routes named (or the first unmanaged one) and the managed routes
    /// replaced by the header and mirror routes given, placed first.
    public func routes(_ http: [KubernetesJSON], named names: [String], weight: Int, headerRoutes: [SetHeaderRoute], mirrorRoutes: [SetMirrorRoute], service: String) throws -> [KubernetesJSON] {
        let names = weightedNames(http, names)
        var unmanaged: [KubernetesJSON] = []
        var weighted: KubernetesJSON?
        for route in http where !isManaged(route) {
            guard isWeighted(route, names) else {
                unmanaged.append(route)
                continue
            }
            let rewritten = self.weighted(route, weight)
            if weighted == nil, destinationWeights(of: rewritten) != nil { weighted = rewritten }
            unmanaged.append(rewritten)
        }
        guard let weighted else { throw IstioRoutingError.noRouteForServices(virtualService: service, routes: names) }
        let canaryDestination = (weighted["route"]?.arrayValue ?? []).first(where: isCanary)?["destination"] ?? .object([:])
        var managed: [String: KubernetesJSON] = [:]
        for route in headerRoutes where !(route.match ?? []).isEmpty {
            let matches: [KubernetesJSON] = (route.match ?? []).map { match in
                ["headers": .object([match.headerName: Self.stringMatch(match.headerValue)])]
            }
            managed[route.name] = ["name": .string(route.name), "match": .array(matches), "route": [["destination": canaryDestination, "weight": .int(maxWeight)]]]
        }
        for route in mirrorRoutes where !(route.match ?? []).isEmpty {
            let matches: [KubernetesJSON] = (route.match ?? []).map { match in
                var result: [String: KubernetesJSON] = [:]
                if let method = match.method { result["method"] = Self.stringMatch(method) }
                if let path = match.path { result["uri"] = Self.stringMatch(path) }
                if let headers = match.headers, !headers.isEmpty { result["headers"] = .object(headers.mapValues(Self.stringMatch)) }
                return .object(result)
            }
            managed[route.name] = [
                "name": .string(route.name), "match": .array(matches), "route": weighted["route"] ?? .array([]),
                "mirror": canaryDestination, "mirrorPercentage": ["value": .int(route.percentage ?? 100)],
            ]
        }
        return managedNames.compactMap { managed[$0] } + unmanaged
    }

    /// What routes carry: the canary weight where every weighted route agrees on it (the stable weight being
    /// the rest), and the managed header and mirror routes by name.
    public func observed(_ http: [KubernetesJSON], named names: [String]) -> RouterObservation {
        let names = weightedNames(http, names)
        var weights: Set<Int> = []
        var isConsistent = true
        var headerRoutes: [String] = []
        var mirrorRoutes: [String] = []
        for route in http {
            if isManaged(route), let name = route["name"]?.stringValue {
                if route["mirror"] != nil { mirrorRoutes.append(name) } else { headerRoutes.append(name) }
                continue
            }
            guard isWeighted(route, names), let carried = destinationWeights(of: route) else { continue }
            if carried.stable != maxWeight - carried.canary { isConsistent = false }
            weights.insert(carried.canary)
        }
        let weight = isConsistent && weights.count == 1 ? weights.first : nil
        return RouterObservation(weight: weight, headerRoutes: headerRoutes.sorted(), mirrorRoutes: mirrorRoutes.sorted())
    }

    /// A route (HTTP, TLS or TCP) with its canary destination at `weight` and its stable one at the rest.
    func weighted(_ route: KubernetesJSON, _ weight: Int) -> KubernetesJSON {
        route.replacing(["route"], with: .array((route["route"]?.arrayValue ?? []).map { destination in
            if isCanary(destination) { return destination.replacing(["weight"], with: .int(weight)) }
            if isStable(destination) { return destination.replacing(["weight"], with: .int(maxWeight - weight)) }
            return destination
        }))
    }

    /// The canary and stable destinations' weights of a route; `nil` when it lacks either destination.
    func destinationWeights(of route: KubernetesJSON) -> (canary: Int, stable: Int)? {
        let destinations = route["route"]?.arrayValue ?? []
        guard let canary = destinations.first(where: isCanary), let stable = destinations.first(where: isStable) else { return nil }
        return (canary["weight"]?.intValue ?? 0, stable["weight"]?.intValue ?? 0)
    }

    func isManaged(_ route: KubernetesJSON) -> Bool {
        route["name"]?.stringValue.map(managedNames.contains) ?? false
    }

    private func isWeighted(_ route: KubernetesJSON, _ names: [String]) -> Bool {
        route["name"]?.stringValue.map(names.contains) ?? false
    }

    /// The route names weighted: those given, else the first unmanaged route's (Argo weights route 0).
    private func weightedNames(_ http: [KubernetesJSON], _ names: [String]) -> [String] {
        guard names.isEmpty else { return names }
        return [http.first { !isManaged($0) }?["name"]?.stringValue ?? ""]
    }

    /// Whether a route destination is the canary: its subset is the canary subset (subset-split), or its host
    /// (up to the first dot) is the canary Service.
    func isCanary(_ destination: KubernetesJSON) -> Bool {
        matches(destination, service: canaryService, subset: subsets?.canary)
    }

    func isStable(_ destination: KubernetesJSON) -> Bool {
        matches(destination, service: stableService, subset: subsets?.stable)
    }

    private func matches(_ destination: KubernetesJSON, service: String, subset: String?) -> Bool {
        if let subset { return destination[path: ["destination", "subset"]]?.stringValue == subset }
        let host = destination[path: ["destination", "host"]]?.stringValue ?? ""
        return !service.isEmpty && host.split(separator: ".").first.map(String.init) == service
    }

    /// An Istio string match: `exact`, `prefix` or `regex`.
    static func stringMatch(_ value: StringMatch) -> KubernetesJSON {
        var result: [String: KubernetesJSON] = [:]
        if let exact = value.exact { result["exact"] = .string(exact) }
        if let prefix = value.prefix { result["prefix"] = .string(prefix) }
        if let regex = value.regex { result["regex"] = .string(regex) }
        return .object(result)
    }
}
