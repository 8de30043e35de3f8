/// A Kubernetes label selector (`matchLabels` and `matchExpressions`).
public struct LabelSelector: Sendable, Hashable, Codable {
    /// Labels that must all be present with these values.
    public var matchLabels: [String: String]?
    /// Set-based requirements that must all hold.
    public var matchExpressions: [Requirement]?

    /// One set-based requirement such as `track In (blue, green)`.
    public struct Requirement: Sendable, Hashable, Codable {
        /// The label key.
        public var key: String
        /// `In`, `NotIn`, `Exists` or `DoesNotExist`.
        public var `operator`: String
        /// The values for `In` and `NotIn`.
        public var values: [String]?

        /// Creates a requirement.
        public init(key: String, operator: String, values: [String]? = nil) {
            self.key = key
            self.operator = `operator`
            self.values = values
        }
    }

    /// Creates a selector.
    public init(matchLabels: [String: String]? = nil, matchExpressions: [Requirement]? = nil) {
        self.matchLabels = matchLabels
        self.matchExpressions = matchExpressions
    }

    /// Whether a set of labels satisfies every part of the selector.
    public func matches(_ labels: [String: String]) -> Bool {
        for (key, value) in matchLabels ?? [:] where labels[key] != value {
            return false
        }
        for requirement in matchExpressions ?? [] where !requirement.matches(labels) {
            return false
        }
        return true
    }
}

extension LabelSelector.Requirement {
    /// Whether the labels satisfy this requirement; an unknown operator never matches.
    public func matches(_ labels: [String: String]) -> Bool {
        let value = labels[key]
        switch `operator` {
        case "In": return value.map { (values ?? []).contains($0) } ?? false
        case "NotIn": return value.map { !(values ?? []).contains($0) } ?? true
        case "Exists": return value != nil
        case "DoesNotExist": return value == nil
        default: return false
        }
    }
}
