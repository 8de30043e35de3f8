import TurnoutCore

/// A Kubernetes Service as the single-host runtime reads it: a selector and where to listen.
public struct ServiceDefinition: Sendable, Hashable {
    /// The Service's name.
    public var name: String
    /// The labels a replica must carry to receive its traffic.
    public var selector: [String: String]
    /// Where to listen: the `turnout.dev/listen` annotation, or `nil` for a free loopback port.
    public var listenAddress: String?

    /// The annotation that fixes a Service's local listen address.
    public static let listenAnnotation = "turnout.dev/listen"

    /// Creates a definition.
    public init(name: String, selector: [String: String], listenAddress: String? = nil) {
        self.name = name
        self.selector = selector
        self.listenAddress = listenAddress
    }

    /// Reads a Service object; `nil` for other kinds.
    public init?(_ object: KubernetesObject) {
        guard object.kind == "Service", let name = object.metadata.name else { return nil }
        let selector = object.document["spec"]?["selector"]?.objectValue ?? [:]
        self.name = name
        self.selector = selector.compactMapValues(\.stringValue)
        self.listenAddress = object.metadata.annotations?[Self.listenAnnotation]
    }

    /// The proxy listener and route name for this Service.
    public var routeName: String { "service/\(name)" }
}
