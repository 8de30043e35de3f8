import KubernetesClient
import TurnoutCore
import TurnoutRuntime

/// The rules of an HTTPRoute or GRPCRoute as a rollout wants them, as Argo's Gateway API plugin writes them:
/// in every rule that sends traffic to both the stable and the canary Service, the canary backendRef's weight
/// is the canary weight and the stable one's the rest; a header route is a rule of its own, named after it,
/// with the first such rule's matches plus the header conditions, sending to the canary only; a mirror route is
/// a rule named after it with its matches and a `RequestMirror` filter to the canary. Pure.
public struct GatewayRouteRules: Sendable {
    /// The stable Service's name.
    public var stableService: String
    /// The canary Service's name.
    public var canaryService: String
    /// The weight that means all traffic.
    public var maxWeight: Int
    /// The names of the rollout's managed routes: rules so named are Turnout's.
    public var managedNames: Set<String>

    /// The rules of the rollout's canary strategy.
    public init(_ rollout: Rollout) {
        let canary = rollout.spec.strategy?.canary
        stableService = canary?.stableService ?? ""
        canaryService = canary?.canaryService ?? ""
        maxWeight = canary?.maxTrafficWeight ?? 100
        managedNames = Set((canary?.trafficRouting?.managedRoutes ?? []).map(\.name))
    }

    /// `rules` with the weight set and the managed rules replaced by the routes given.
    public func rules(
        _ rules: [KubernetesJSON], weight: Int, headerRoutes: [SetHeaderRoute], mirrorRoutes: [SetMirrorRoute], kind: GatewayRouteKind = .http, route: String
    ) throws -> [KubernetesJSON] {
        var weighted: [KubernetesJSON] = []
        var source: KubernetesJSON?
        for rule in rules where !isManaged(rule) {
            let rewritten = rule.replacing(["backendRefs"], with: .array((rule["backendRefs"]?.arrayValue ?? []).map { backend in
                switch backend["name"]?.stringValue {
                case canaryService: return backend.replacing(["weight"], with: .int(weight))
                case stableService: return backend.replacing(["weight"], with: .int(maxWeight - weight))
                default: return backend
                }
            }))
            if source == nil, Set(backendNames(rule)).isSuperset(of: [stableService, canaryService]) { source = rewritten }
            weighted.append(rewritten)
        }
        guard let source else { throw GatewayRoutingError.noRuleForServices(kind: kind.rawValue, route: route, stable: stableService, canary: canaryService) }
        let canaryBackend = (source["backendRefs"]?.arrayValue ?? []).first { $0["name"]?.stringValue == canaryService }
            .map { $0.removing("weight") }
        let sourceMatches = source["matches"]?.arrayValue ?? []
        for route in headerRoutes where !(route.match ?? []).isEmpty {
            let headers = try (route.match ?? []).map { try Self.header($0.headerName, $0.headerValue, route: route.name) }
            let matches = (sourceMatches.isEmpty ? [KubernetesJSON.object([:])] : sourceMatches).map { match in
                match.replacing(["headers"], with: .array((match["headers"]?.arrayValue ?? []) + headers))
            }
            weighted.append(["name": .string(route.name), "matches": .array(matches), "backendRefs": .array([canaryBackend].compactMap { $0 })])
        }
        if kind == .grpc, let mirror = mirrorRoutes.first(where: { !($0.match ?? []).isEmpty }) {
            throw GatewayRoutingError.matchNotExpressible(route: mirror.name, reason: "a mirror route's method and path matches are HTTP's; a GRPCRoute takes header routes only")
        }
        for route in mirrorRoutes where !(route.match ?? []).isEmpty {
            var mirror: [String: KubernetesJSON] = ["backendRef": canaryBackend ?? .object([:])]
            if let percent = route.percentage { mirror["percent"] = .int(percent) }
            let matches = try (route.match ?? []).map { try Self.match($0, route: route.name) }
            weighted.append([
                "name": .string(route.name), "matches": .array(matches),
                "filters": [["type": "RequestMirror", "requestMirror": .object(mirror)]],
                "backendRefs": source["backendRefs"] ?? .array([]),
            ])
        }
        return weighted
    }

    /// What rules carry: the canary weight where every rule with both Services agrees on it (and the stable
    /// weight is the rest), and the managed header and mirror rules by name.
    public func observed(_ rules: [KubernetesJSON]) -> RouterObservation {
        var weights: Set<Int> = []
        var isConsistent = true
        var headerRoutes: [String] = []
        var mirrorRoutes: [String] = []
        for rule in rules {
            if isManaged(rule), let name = rule["name"]?.stringValue {
                let mirrors = (rule["filters"]?.arrayValue ?? []).contains { $0["type"]?.stringValue == "RequestMirror" }
                if mirrors { mirrorRoutes.append(name) } else { headerRoutes.append(name) }
                continue
            }
            let backends = rule["backendRefs"]?.arrayValue ?? []
            guard let canary = backends.first(where: { $0["name"]?.stringValue == canaryService }),
                let stable = backends.first(where: { $0["name"]?.stringValue == stableService })
            else { continue }
            // Gateway API defaults a backendRef's weight to 1.
            let canaryWeight = canary["weight"]?.intValue ?? 1
            let stableWeight = stable["weight"]?.intValue ?? 1
            if stableWeight != maxWeight - canaryWeight { isConsistent = false }
            weights.insert(canaryWeight)
        }
        let weight = isConsistent && weights.count == 1 ? weights.first : nil
        return RouterObservation(weight: weight, headerRoutes: headerRoutes.sorted(), mirrorRoutes: mirrorRoutes.sorted())
    }

    /// Whether a rule is one of Turnout's header or mirror rules.
    func isManaged(_ rule: KubernetesJSON) -> Bool {
        rule["name"]?.stringValue.map(managedNames.contains) ?? false
    }

    private func backendNames(_ rule: KubernetesJSON) -> [String] {
        (rule["backendRefs"]?.arrayValue ?? []).compactMap { $0["name"]?.stringValue }
    }

    /// A Gateway API header match: `Exact` or `RegularExpression` (a prefix as `^<escaped>.*`).
    static func header(_ name: String, _ value: StringMatch, route: String) throws -> KubernetesJSON {
        let (type, text) = try matchValue(value, route: route, what: "header \(name)")
        return ["name": .string(name), "type": .string(type), "value": .string(text)]
    }

    /// A Gateway API request match from a mirror route's: method exactly, path and headers by type.
    static func match(_ match: MirrorRouteMatch, route: String) throws -> KubernetesJSON {
        var result: [String: KubernetesJSON] = [:]
        if let method = match.method {
            guard let exact = method.exact else { throw GatewayRoutingError.matchNotExpressible(route: route, reason: "Gateway API matches a method exactly") }
            result["method"] = .string(exact)
        }
        if let path = match.path {
            if let exact = path.exact {
                result["path"] = ["type": "Exact", "value": .string(exact)]
            } else if let prefix = path.prefix {
                result["path"] = ["type": "PathPrefix", "value": .string(prefix)]
            } else if let regex = path.regex {
                result["path"] = ["type": "RegularExpression", "value": .string(regex)]
            }
        }
        if let headers = match.headers, !headers.isEmpty {
            result["headers"] = .array(try headers.sorted { $0.key < $1.key }.map { try header($0.key, $0.value, route: route) })
        }
        return .object(result)
    }

    private static func matchValue(_ value: StringMatch, route: String, what: String) throws -> (String, String) {
        if let exact = value.exact { return ("Exact", exact) }
        if let regex = value.regex { return ("RegularExpression", regex) }
        if let prefix = value.prefix { return ("RegularExpression", RegexPattern.prefix(prefix)) }
        throw GatewayRoutingError.matchNotExpressible(route: route, reason: "\(what) has no exact, prefix or regex")
    }
}
