/// Where a Service or the ingress accepts traffic: a name and a URL.
///
/// JSON: `name`, `url`, and `address` (the URL's `HOST:PORT`, the key single-host answers have always carried).
/// An answer without `url` is read as `http://ADDRESS`.
public struct ListenerView: Sendable, Codable, Hashable {
    /// `service/NAME` or `ingress`.
    public var name: String
    /// The URL to send requests to, e.g. `http://127.0.0.1:8080` or `http://web.shop.svc.cluster.local:80`.
    public var url: String

    /// Creates a listener view from its URL.
    public init(name: String, url: String) {
        self.name = name
        self.url = url
    }

    /// Creates a listener view for a plain-HTTP `HOST:PORT`.
    public init(name: String, address: String) {
        self.init(name: name, url: "http://\(address)")
    }

    /// The URL's `HOST:PORT` (its authority), e.g. `127.0.0.1:8080`.
    public var address: String {
        var rest = Substring(url)
        if let scheme = rest.range(of: "://") { rest = rest[scheme.upperBound...] }
        return String(rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" })
    }

    private enum CodingKeys: String, CodingKey {
        case name, url, address
    }

    /// Decodes a listener; one with only `address` gets `http://ADDRESS` as its URL.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        if let url = try container.decodeIfPresent(String.self, forKey: .url) {
            self.url = url
        } else {
            url = "http://" + (try container.decode(String.self, forKey: .address))
        }
    }

    /// Encodes `name`, `url` and `address`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(url, forKey: .url)
        try container.encode(address, forKey: .address)
    }
}
