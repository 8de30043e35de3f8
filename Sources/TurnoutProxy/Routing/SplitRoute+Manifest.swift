import TurnoutCore

extension HeaderRoute {
    /// The proxy's form of a manifest `setHeaderRoute`; `nil` when it has no match (the step removes the route)
    /// or a condition sets none of exact, prefix and regex.
    public init?(_ route: SetHeaderRoute) {
        guard let match = route.match, !match.isEmpty else { return nil }
        var conditions: [HeaderCondition] = []
        for condition in match {
            guard let value = ValueMatch(condition.headerValue) else { return nil }
            conditions.append(HeaderCondition(header: condition.headerName, match: value))
        }
        self.init(name: route.name, headers: conditions)
    }
}

extension MirrorRoute {
    /// The proxy's form of a manifest `setMirrorRoute`; `nil` when it has no match (the step removes the route).
    public init?(_ route: SetMirrorRoute) {
        guard let match = route.match else { return nil }
        let matches = match.map { condition in
            MirrorMatch(
                method: condition.method.flatMap(ValueMatch.init),
                path: condition.path.flatMap(ValueMatch.init),
                headers: (condition.headers ?? [:]).compactMapValues(ValueMatch.init)
            )
        }
        self.init(name: route.name, percentage: route.percentage ?? 100, matches: matches)
    }
}
