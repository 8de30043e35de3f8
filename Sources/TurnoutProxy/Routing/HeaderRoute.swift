/// Sends a request to the canary when every header condition holds (NGINX `canary-by-header`, Argo `setHeaderRoute`).
public struct HeaderRoute: Sendable, Hashable, Codable {
    /// The route's name (as in the manifest's `setHeaderRoute.name`).
    public var name: String
    /// Conditions that must all hold; an empty list never matches.
    public var headers: [HeaderCondition]

    /// Creates a header route.
    public init(name: String, headers: [HeaderCondition]) {
        self.name = name
        self.headers = headers
    }
}

/// One condition on a request header: the first value of `header` satisfies `match`.
public struct HeaderCondition: Sendable, Hashable, Codable {
    /// The header name (case-insensitive).
    public var header: String
    /// The condition on its value.
    public var match: ValueMatch

    /// Creates a header condition.
    public init(header: String, match: ValueMatch) {
        self.header = header
        self.match = match
    }
}

/// Sends a request to the canary when a cookie's value satisfies a condition (NGINX `canary-by-cookie`).
public struct CookieRoute: Sendable, Hashable, Codable {
    /// The route's name.
    public var name: String
    /// The cookie's name.
    public var cookie: String
    /// The condition on its value.
    public var match: ValueMatch

    /// Creates a cookie route.
    public init(name: String, cookie: String, match: ValueMatch = .exact("always")) {
        self.name = name
        self.cookie = cookie
        self.match = match
    }
}
