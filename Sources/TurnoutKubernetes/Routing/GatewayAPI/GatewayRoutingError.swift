import TurnoutRuntime

/// Why Gateway API routing could not be carried out.
public enum GatewayRoutingError: Error, Sendable, Hashable, CustomStringConvertible, RetryableError {
    /// The cluster serves no route resource of a kind the rollout names.
    case notServed(kind: String)
    /// A route the rollout names does not exist.
    case routeNotFound(kind: String, namespace: String, route: String)
    /// No rule of a route sends traffic to both Services.
    case noRuleForServices(kind: String, route: String, stable: String, canary: String)
    /// A match the Gateway API cannot express.
    case matchNotExpressible(route: String, reason: String)

    /// None passes until someone changes the routes, the rollout or the cluster.
    public var retryReason: RetryReason? { nil }

    public var description: String {
        switch self {
        case .notServed(let kind):
            return "route through the Gateway API: the cluster serves no gateway.networking.k8s.io \(kind) (v1 or v1beta1); install the Gateway API CRDs, then restart the controller"
        case .routeNotFound(let kind, let namespace, let route):
            return "route through the Gateway API: \(kind) \(namespace)/\(route) does not exist; create it or fix the name"
        case .noRuleForServices(let kind, let route, let stable, let canary):
            return "route through the Gateway API: no rule of \(kind) \(route) has backendRefs to both \(stable) and \(canary); list both Services in the rule that serves the app"
        case .matchNotExpressible(let route, let reason):
            return "route through the Gateway API: route \(route) cannot be written: \(reason)"
        }
    }
}
