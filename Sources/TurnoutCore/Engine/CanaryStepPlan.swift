/// What the canary steps up to and including one index ask for: weight, canary scale, routes.
struct CanaryStepPlan: Equatable {
    /// The traffic weight for the canary.
    var weight: Int
    /// The canary scale override in effect.
    var canaryScale: CanaryScaleOverride
    /// Header routes in effect, by name, in step order.
    var headerRoutes: [SetHeaderRoute]
    /// Mirror routes in effect, by name, in step order.
    var mirrorRoutes: [SetMirrorRoute]

    /// The plan at `index`; an index past the last step means full promotion.
    init(steps: [CanaryStep], index: Int, maxWeight: Int) {
        weight = 0
        canaryScale = .matchTrafficWeight
        headerRoutes = []
        mirrorRoutes = []
        guard index < steps.count else {
            weight = maxWeight
            return
        }
        for step in steps.prefix(index + 1) {
            if let setWeight = step.setWeight { weight = min(maxWeight, max(0, setWeight)) }
            if let scale = step.setCanaryScale {
                if scale.matchTrafficWeight == true {
                    canaryScale = .matchTrafficWeight
                } else if let count = scale.replicas {
                    canaryScale = .replicas(count)
                } else if let percent = scale.weight {
                    canaryScale = .weight(percent)
                }
            }
            if let route = step.setHeaderRoute {
                headerRoutes.removeAll { $0.name == route.name }
                if !(route.match ?? []).isEmpty { headerRoutes.append(route) }
            }
            if let route = step.setMirrorRoute {
                mirrorRoutes.removeAll { $0.name == route.name }
                if !(route.match ?? []).isEmpty { mirrorRoutes.append(route) }
            }
        }
    }
}
