/// Keeps a user on one side of the split: the value of a cookie or header is hashed (FNV-1a) into a bucket,
/// and buckets below the canary weight go to the canary.
///
/// Requests without the value fall back to the weighted round-robin.
public enum StickySession: Sendable, Hashable {
    /// Hash the value of this cookie.
    case cookie(String)
    /// Hash the value of this request header.
    case header(String)
}

extension StickySession: Codable {
    private enum CodingKeys: String, CodingKey {
        case cookie, header
    }

    /// Decodes `{"cookie": "name"}` or `{"header": "name"}`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if let cookie = try container.decodeIfPresent(String.self, forKey: .cookie) {
            self = .cookie(cookie)
        } else if let header = try container.decodeIfPresent(String.self, forKey: .header) {
            self = .header(header)
        } else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "sticky needs cookie or header"))
        }
    }

    /// Encodes as a one-key object.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .cookie(let name): try container.encode(name, forKey: .cookie)
        case .header(let name): try container.encode(name, forKey: .header)
        }
    }
}
