/// Copies a percentage of matching requests to the canary and discards its responses (Argo `setMirrorRoute`).
public struct MirrorRoute: Sendable, Hashable, Codable {
    /// The route's name.
    public var name: String
    /// Share of matching requests copied, 0…100; spread evenly, exact over time.
    public var percentage: Int
    /// Alternatives: a request matches when any entry matches; an empty list matches every request.
    public var matches: [MirrorMatch]

    /// Creates a mirror route.
    public init(name: String, percentage: Int = 100, matches: [MirrorMatch] = []) {
        self.name = name
        self.percentage = percentage
        self.matches = matches
    }
}

/// One mirror condition: every given part (method, path, headers) must match.
public struct MirrorMatch: Sendable, Hashable, Codable {
    /// The request method condition.
    public var method: ValueMatch?
    /// The request path condition (the URI without its query).
    public var path: ValueMatch?
    /// Header conditions, by header name.
    public var headers: [String: ValueMatch]

    /// Creates a mirror condition.
    public init(method: ValueMatch? = nil, path: ValueMatch? = nil, headers: [String: ValueMatch] = [:]) {
        self.method = method
        self.path = path
        self.headers = headers
    }
}
