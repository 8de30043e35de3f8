import TurnoutRuntime

/// Why Istio routing could not be carried out.
public enum IstioRoutingError: Error, Sendable, Hashable, CustomStringConvertible, RetryableError {
    /// The cluster serves no VirtualService or DestinationRule resource.
    case notServed
    /// An object the rollout names does not exist.
    case notFound(kind: String, namespace: String, name: String)
    /// No named HTTP route has both the stable and the canary destination.
    case noRouteForServices(virtualService: String, routes: [String])
    /// A DestinationRule lacks a subset the rollout names.
    case subsetMissing(destinationRule: String, subset: String)
    /// No TLS or TCP route matches a selector of the rollout.
    case noLayer4Route(virtualService: String, kind: String, port: Int)

    /// None passes until someone changes the objects, the rollout or the cluster.
    public var retryReason: RetryReason? { nil }

    public var description: String {
        switch self {
        case .notServed:
            return "route through Istio: the cluster serves no networking.istio.io VirtualService and DestinationRule; install Istio's CRDs, then restart the controller"
        case .notFound(let kind, let namespace, let name):
            return "route through Istio: \(kind) \(namespace)/\(name) does not exist; create it or fix the name"
        case .noRouteForServices(let virtualService, let routes):
            let which = routes.isEmpty ? "no HTTP route" : "none of the HTTP routes \(routes.joined(separator: ", "))"
            return "route through Istio: \(which) of VirtualService \(virtualService) has both the stable and the canary destination; add both to its route"
        case .subsetMissing(let destinationRule, let subset):
            return "route through Istio: DestinationRule \(destinationRule) has no subset \(subset); add it"
        case .noLayer4Route(let virtualService, let kind, let port):
            return "route through Istio: no \(kind) route of VirtualService \(virtualService) matches port \(port) (and the SNI hosts given); fix the rollout's \(kind)Routes"
        }
    }
}
