/// What one weight router reads back from its data-plane objects for a rollout.
public struct RouterObservation: Sendable, Hashable {
    /// The canary weight every object carries; `nil` while one differs from what the rollout asks or the
    /// router's own status does not accept it.
    public var weight: Int?
    /// The header routes in effect, by name.
    public var headerRoutes: [String]
    /// The mirror routes in effect, by name.
    public var mirrorRoutes: [String]

    /// Creates an observation.
    public init(weight: Int?, headerRoutes: [String] = [], mirrorRoutes: [String] = []) {
        self.weight = weight
        self.headerRoutes = headerRoutes
        self.mirrorRoutes = mirrorRoutes
    }

    /// Nothing verified: no weight, no routes.
    public static let unverified = RouterObservation(weight: nil)

    /// What several routers carry together: their weight where all agree, the routes all of them carry.
    public static func combined(_ observations: [RouterObservation]) -> RouterObservation? {
        guard let first = observations.first else { return nil }
        let weights = Set(observations.map(\.weight))
        func common(_ names: (RouterObservation) -> [String]) -> [String] {
            observations.dropFirst().reduce(Set(names(first))) { $0.intersection(names($1)) }.sorted()
        }
        return RouterObservation(weight: weights.count == 1 ? first.weight : nil, headerRoutes: common(\.headerRoutes), mirrorRoutes: common(\.mirrorRoutes))
    }
}
