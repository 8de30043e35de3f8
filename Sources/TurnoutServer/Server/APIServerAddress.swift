/// The address the API server is bound to.
public struct APIServerAddress: Sendable, Hashable, CustomStringConvertible {
    /// The bound host.
    public var host: String
    /// The bound port (the real one when 0 was asked for).
    public var port: Int

    /// Creates an address.
    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    /// `HOST:PORT`, with brackets around IPv6 hosts.
    public var description: String {
        host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
    }

    /// The base URL clients use, e.g. `http://127.0.0.1:7070`.
    public var url: String { "http://\(description)" }
}
