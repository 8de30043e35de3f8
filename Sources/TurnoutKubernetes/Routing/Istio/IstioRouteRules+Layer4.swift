import KubernetesClient

/// The TLS and TCP routes of a VirtualService, weighted as Argo weighs them.
extension IstioRouteRules {
    /// Which TLS or TCP routes a rollout weighs: by the one port (and, for TLS, exactly the SNI hosts) of their matches.
    public struct Layer4Selector: Sendable, Hashable, Decodable {
        /// The port every match of the route names.
        public var port: Int
        /// TLS only: the SNI hosts of the route's matches.
        public var sniHosts: [String]?

        /// Creates a selector.
        public init(port: Int, sniHosts: [String]? = nil) {
            self.port = port
            self.sniHosts = sniHosts
        }
    }

    /// The TLS or TCP routes (`tls`, `tcp`) with the weights set in those `selectors` pick (the first when none).
    public func layer4Routes(_ routes: [KubernetesJSON], selectors: [Layer4Selector], weight: Int, kind: String, service: String) throws -> [KubernetesJSON] {
        let picked = try pickedIndexes(routes, selectors, kind: kind, service: service)
        return routes.enumerated().map { index, route in picked.contains(index) ? weighted(route, weight) : route }
    }

    /// The canary weight of each TLS or TCP route `selectors` pick; `nil` for one whose weights do not add up.
    public func layer4Weights(_ routes: [KubernetesJSON], selectors: [Layer4Selector]) -> [Int?] {
        let picked = (try? pickedIndexes(routes, selectors, kind: "", service: "")) ?? []
        return picked.sorted().map { index in
            guard let carried = destinationWeights(of: routes[index]), carried.stable == maxWeight - carried.canary else { return nil }
            return carried.canary
        }
    }

    private func pickedIndexes(_ routes: [KubernetesJSON], _ selectors: [Layer4Selector], kind: String, service: String) throws -> Set<Int> {
        guard !routes.isEmpty else { return [] }
        guard !selectors.isEmpty else { return [0] }
        var picked: Set<Int> = []
        for selector in selectors {
            let found = routes.indices.filter { Self.matches(routes[$0], selector) }
            guard !found.isEmpty else { throw IstioRoutingError.noLayer4Route(virtualService: service, kind: kind, port: selector.port) }
            picked.formUnion(found)
        }
        return picked
    }

    private static func matches(_ route: KubernetesJSON, _ selector: Layer4Selector) -> Bool {
        let matches = route["match"]?.arrayValue ?? []
        let ports = Set(matches.compactMap { $0["port"]?.intValue })
        guard ports == [selector.port] else { return false }
        guard let hosts = selector.sniHosts else { return true }
        let sni = Set(matches.flatMap { ($0["sniHosts"]?.arrayValue ?? []).compactMap(\.stringValue) })
        return sni == Set(hosts)
    }
}
