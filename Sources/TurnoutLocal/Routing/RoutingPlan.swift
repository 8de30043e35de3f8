import TurnoutProxy

/// The proxy configuration the single-host runtime wants: listeners and one route table.
public struct RoutingPlan: Sendable, Hashable {
    /// The route table to install.
    public var table: RouteTable
    /// The listeners that must exist (Services and the shared ingress listener).
    public var listeners: [ListenerConfiguration]
    /// For each weighted rollout, the routes that carry its canary weight.
    public var weightedRoutes: [String: [String]]

    /// Creates a plan.
    public init(table: RouteTable, listeners: [ListenerConfiguration], weightedRoutes: [String: [String]]) {
        self.table = table
        self.listeners = listeners
        self.weightedRoutes = weightedRoutes
    }
}
