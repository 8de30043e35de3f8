import KubernetesClient

/// What the Gateways' controllers say of a route in `status.parents[].conditions`.
public struct GatewayRouteStatus: Sendable, Hashable {
    /// The route's generation.
    public var generation: Int?
    /// Each parent's conditions.
    public var parents: [[KubernetesJSON]]

    /// Reads a route's status.
    public init(_ route: GatewayRoute) {
        generation = route.metadata.generation
        parents = (route.status?["parents"]?.arrayValue ?? []).map { $0["conditions"]?.arrayValue ?? [] }
    }

    /// Whether the route counts as in effect: no controller reports on it (nothing to check beyond the
    /// read-back), or every parent reports `Accepted` and `ResolvedRefs` `True` for the current generation.
    public var isAccepted: Bool {
        parents.allSatisfy { conditions in
            ["Accepted", "ResolvedRefs"].allSatisfy { type in
                guard let condition = conditions.first(where: { $0["type"]?.stringValue == type }) else { return false }
                let isCurrent = generation.map { current in (condition["observedGeneration"]?.intValue ?? current) >= current } ?? true
                return condition["status"]?.stringValue == "True" && isCurrent
            }
        }
    }
}
