/// One step of a canary strategy; exactly one action is set.
public struct CanaryStep: Sendable, Hashable, Codable {
    /// Send this percent of traffic to the canary.
    public var setWeight: Int?
    /// Wait for a duration, or until promoted when none is given.
    public var pause: PauseStep?
    /// Run an analysis and wait for its result.
    public var analysis: RolloutAnalysis?
    /// Scale the canary independently of its traffic weight.
    public var setCanaryScale: SetCanaryScale?
    /// Send requests matching headers to the canary.
    public var setHeaderRoute: SetHeaderRoute?
    /// Copy a share of matching requests to the canary.
    public var setMirrorRoute: SetMirrorRoute?
    /// An experiment, kept as written (not run by Turnout).
    public var experiment: JSONValue?
    /// A step plugin, kept as written (not run by Turnout).
    public var plugin: JSONValue?

    /// Creates an empty step; set one action.
    public init(setWeight: Int? = nil, pause: PauseStep? = nil, analysis: RolloutAnalysis? = nil, setCanaryScale: SetCanaryScale? = nil) {
        self.setWeight = setWeight
        self.pause = pause
        self.analysis = analysis
        self.setCanaryScale = setCanaryScale
    }

    /// The names of the actions set on this step.
    public var actionNames: [String] {
        var names: [String] = []
        if setWeight != nil { names.append("setWeight") }
        if pause != nil { names.append("pause") }
        if analysis != nil { names.append("analysis") }
        if setCanaryScale != nil { names.append("setCanaryScale") }
        if setHeaderRoute != nil { names.append("setHeaderRoute") }
        if setMirrorRoute != nil { names.append("setMirrorRoute") }
        if experiment != nil { names.append("experiment") }
        if plugin != nil { names.append("plugin") }
        return names
    }
}

/// `pause: {duration: ...}`; no duration waits until promoted.
public struct PauseStep: Sendable, Hashable, Codable {
    /// How long to wait; `nil` waits until promoted.
    public var duration: DurationValue?

    /// Creates a pause.
    public init(duration: DurationValue? = nil) {
        self.duration = duration
    }
}

/// `setCanaryScale`: one of weight, replicas or matchTrafficWeight.
public struct SetCanaryScale: Sendable, Hashable, Codable {
    /// Canary replicas as a percent of the desired replicas.
    public var weight: Int?
    /// An absolute number of canary replicas.
    public var replicas: Int?
    /// Go back to scaling the canary by its traffic weight.
    public var matchTrafficWeight: Bool?

    /// Creates a canary scale.
    public init(weight: Int? = nil, replicas: Int? = nil, matchTrafficWeight: Bool? = nil) {
        self.weight = weight
        self.replicas = replicas
        self.matchTrafficWeight = matchTrafficWeight
    }
}

/// `setHeaderRoute`: a named route sending matching requests to the canary; no match removes it.
public struct SetHeaderRoute: Sendable, Hashable, Codable {
    /// The managed route's name.
    public var name: String
    /// Header conditions, all of which must hold.
    public var match: [HeaderRouteMatch]?

    /// Creates a header route.
    public init(name: String, match: [HeaderRouteMatch]? = nil) {
        self.name = name
        self.match = match
    }
}

/// One header condition of a header route.
public struct HeaderRouteMatch: Sendable, Hashable, Codable {
    /// The header's name.
    public var headerName: String
    /// How the header's value must match.
    public var headerValue: StringMatch

    /// Creates a header condition.
    public init(headerName: String, headerValue: StringMatch) {
        self.headerName = headerName
        self.headerValue = headerValue
    }
}

/// A string condition: exact, prefix or regular expression.
public struct StringMatch: Sendable, Hashable, Codable {
    /// The value must equal this.
    public var exact: String?
    /// The value must start with this.
    public var prefix: String?
    /// The value must match this regular expression.
    public var regex: String?

    /// Creates a string condition.
    public init(exact: String? = nil, prefix: String? = nil, regex: String? = nil) {
        self.exact = exact
        self.prefix = prefix
        self.regex = regex
    }
}

/// `setMirrorRoute`: copy a percentage of matching requests to the canary; no match removes it.
public struct SetMirrorRoute: Sendable, Hashable, Codable {
    /// The managed route's name.
    public var name: String
    /// Request conditions; any of them may match.
    public var match: [MirrorRouteMatch]?
    /// Percent of matching requests to mirror (default 100).
    public var percentage: Int?

    /// Creates a mirror route.
    public init(name: String, match: [MirrorRouteMatch]? = nil, percentage: Int? = nil) {
        self.name = name
        self.match = match
        self.percentage = percentage
    }
}

/// One request condition of a mirror route; all set parts must hold.
public struct MirrorRouteMatch: Sendable, Hashable, Codable {
    /// The request method.
    public var method: StringMatch?
    /// The request path.
    public var path: StringMatch?
    /// Request headers by name.
    public var headers: [String: StringMatch]?

    /// Creates a mirror condition.
    public init(method: StringMatch? = nil, path: StringMatch? = nil, headers: [String: StringMatch]? = nil) {
        self.method = method
        self.path = path
        self.headers = headers
    }
}
