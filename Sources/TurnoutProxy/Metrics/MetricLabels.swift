/// Which series a measurement belongs to: the listener, the route and the revision (pool) that answered.
public struct MetricLabels: Sendable, Hashable, Codable, Comparable {
    /// The listener's name.
    public var listener: String
    /// The route's name (`-` when no route matched).
    public var route: String
    /// The revision of the pool that answered (`-` when none was chosen).
    public var revision: String

    /// Creates labels.
    public init(listener: String, route: String, revision: String) {
        self.listener = listener
        self.route = route
        self.revision = revision
    }

    /// Orders by listener, route, then revision.
    public static func < (lhs: MetricLabels, rhs: MetricLabels) -> Bool {
        (lhs.listener, lhs.route, lhs.revision) < (rhs.listener, rhs.route, rhs.revision)
    }
}

/// The class of an HTTP status code, as counted in metrics.
public enum StatusClass: Int, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    /// 1xx.
    case informational = 1
    /// 2xx.
    case success = 2
    /// 3xx.
    case redirection = 3
    /// 4xx.
    case clientError = 4
    /// 5xx.
    case serverError = 5

    /// The class of `code`; codes outside 100…599 count as server errors.
    public init(code: Int) {
        self = StatusClass(rawValue: code / 100) ?? .serverError
    }

    /// `1xx` … `5xx`.
    public var description: String { "\(rawValue)xx" }
}
