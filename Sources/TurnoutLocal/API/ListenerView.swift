/// Where a Service or the ingress listener accepts traffic.
public struct ListenerView: Sendable, Codable, Hashable {
    /// `service/NAME` or `ingress`.
    public var name: String
    /// `127.0.0.1:PORT`.
    public var address: String

    /// Creates a listener view.
    public init(name: String, address: String) {
        self.name = name
        self.address = address
    }
}
