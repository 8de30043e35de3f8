/// What a request was doing, so errors name the action and the object ("patch services default/web").
public struct KubernetesAction: Sendable, Hashable, CustomStringConvertible {
    /// The verb: `get`, `list`, `watch`, `create`, `update`, `patch`, `delete`, or `discover`.
    public var verb: String
    /// The resource acted on, or a path for requests outside the resource tree (discovery).
    public var target: String
    /// The namespace, for namespaced objects.
    public var namespace: String?
    /// The object's name; `nil` for lists, watches and creates of unnamed objects.
    public var name: String?

    /// Creates an action description.
    public init(verb: String, target: String, namespace: String? = nil, name: String? = nil) {
        self.verb = verb
        self.target = target
        self.namespace = namespace
        self.name = name
    }

    /// Describes a request on a resource type, optionally on a subresource (`deployments.apps/scale`).
    public init(verb: String, resource: ResourceType, subresource: String? = nil, namespace: String?, name: String?) {
        let target = subresource.map { "\(resource)/\($0)" } ?? resource.description
        self.init(verb: verb, target: target, namespace: namespace, name: name)
    }

    /// `verb target namespace/name`, leaving out the parts the request has none of.
    public var description: String {
        var object: String?
        switch (namespace, name) {
        case (let namespace?, let name?): object = "\(namespace)/\(name)"
        case (nil, let name?): object = name
        case (let namespace?, nil): object = "in namespace \(namespace)"
        case (nil, nil): object = nil
        }
        return [verb, target, object].compactMap { $0 }.joined(separator: " ")
    }
}
