/// Where the local API listens and who may call it.
public struct APIServerConfiguration: Sendable {
    /// The host to bind, e.g. `127.0.0.1`.
    public var host: String
    /// The port to bind; 0 picks a free one.
    public var port: Int
    /// The bearer token requests must carry; required on a non-loopback host.
    public var token: String?
    /// How often a watch stream sends a keep-alive comment.
    public var keepAliveInterval: Duration

    /// The default address of `turnout up`.
    public static let defaultPort = 7070

    /// Creates a configuration.
    public init(host: String = "127.0.0.1", port: Int = APIServerConfiguration.defaultPort, token: String? = nil, keepAliveInterval: Duration = .seconds(15)) {
        self.host = host
        self.port = port
        self.token = token
        self.keepAliveInterval = keepAliveInterval
    }

    /// Parses `HOST:PORT`, `[V6]:PORT` or `:PORT` (loopback), as `turnout up --api` takes it.
    public init(address: String, token: String? = nil) throws(APIServerError) {
        var host: Substring
        var portText: Substring
        if address.hasPrefix("[") {
            guard let close = address.firstIndex(of: "]") else { throw .invalidAddress(address) }
            host = address[address.index(after: address.startIndex)..<close]
            let rest = address[address.index(after: close)...]
            guard rest.hasPrefix(":") else { throw .invalidAddress(address) }
            portText = rest.dropFirst()
        } else {
            guard let colon = address.lastIndex(of: ":") else { throw .invalidAddress(address) }
            host = address[..<colon]
            portText = address[address.index(after: colon)...]
        }
        if host.isEmpty { host = "127.0.0.1" }
        guard let port = Int(portText), (0...65_535).contains(port) else { throw .invalidAddress(address) }
        self.init(host: String(host), port: port, token: token)
    }

    /// Whether the host only accepts connections from this machine (`127.0.0.0/8`, `::1`, `localhost`).
    public var isLoopback: Bool {
        let host = host.lowercased()
        return host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }

    /// The token, when one is configured and not empty.
    public var effectiveToken: String? {
        guard let token, !token.isEmpty else { return nil }
        return token
    }
}
