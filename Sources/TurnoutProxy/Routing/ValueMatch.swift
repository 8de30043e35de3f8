import TurnoutCore

/// A condition on a string value (a header, a cookie, a method or a path): exact, prefix or regular expression.
///
/// A regular expression must match the whole value (as Envoy and Istio do), so `v2` does not match `v20`;
/// write `v2.*` for a prefix-like pattern.
public enum ValueMatch: Sendable, Hashable {
    /// The value equals the string, byte for byte.
    case exact(String)
    /// The value starts with the string.
    case prefix(String)
    /// The whole value matches the regular expression.
    case regex(String)

    /// Converts a manifest `StringMatch` (exact, then prefix, then regex wins); `nil` when none is set.
    public init?(_ match: StringMatch) {
        if let exact = match.exact {
            self = .exact(exact)
        } else if let prefix = match.prefix {
            self = .prefix(prefix)
        } else if let regex = match.regex {
            self = .regex(regex)
        } else {
            return nil
        }
    }
}

extension ValueMatch: Codable {
    private enum CodingKeys: String, CodingKey {
        case exact, prefix, regex
    }

    /// Decodes `{"exact": "..."}`, `{"prefix": "..."}` or `{"regex": "..."}`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if let exact = try container.decodeIfPresent(String.self, forKey: .exact) {
            self = .exact(exact)
        } else if let prefix = try container.decodeIfPresent(String.self, forKey: .prefix) {
            self = .prefix(prefix)
        } else if let regex = try container.decodeIfPresent(String.self, forKey: .regex) {
            self = .regex(regex)
        } else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "a match needs one of exact, prefix or regex"))
        }
    }

    /// Encodes as a one-key object named after the case.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .exact(let value): try container.encode(value, forKey: .exact)
        case .prefix(let value): try container.encode(value, forKey: .prefix)
        case .regex(let value): try container.encode(value, forKey: .regex)
        }
    }
}
