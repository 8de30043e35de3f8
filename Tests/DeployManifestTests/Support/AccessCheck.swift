/// One question for the API server's authorizer, asked as a service account with `kubectl auth can-i … --as`.
struct AccessCheck: Sendable, CustomStringConvertible {
    var verb: String
    /// `resource.group` as kubectl takes it (`pods`, `rollouts.turnout.dev`), or a non-resource URL (`/apis`).
    var resource: String
    var subresource: String?
    var name: String?
    /// `nil`: a cluster-scoped resource or URL.
    var namespace: String?

    /// A check of `grant` in `namespace` (cluster scope for ClusterAnalysisTemplates).
    init(_ grant: ControllerPermissions.Grant, namespace: String?, name: String? = nil) {
        let parts = grant.resource.split(separator: "/", maxSplits: 1).map(String.init)
        verb = grant.verb
        resource = grant.group.isEmpty ? parts[0] : "\(parts[0]).\(grant.group)"
        subresource = parts.count > 1 ? parts[1] : nil
        self.name = name
        self.namespace = parts[0] == "clusteranalysistemplates" ? nil : namespace
    }

    /// A check written out.
    init(_ verb: String, _ resource: String, subresource: String? = nil, name: String? = nil, namespace: String?) {
        self.verb = verb
        self.resource = resource
        self.subresource = subresource
        self.name = name
        self.namespace = namespace
    }

    /// The arguments of `kubectl auth can-i` for `user`.
    func arguments(as user: String) -> [String] {
        var arguments = ["auth", "can-i", verb, name.map { "\(resource)/\($0)" } ?? resource, "--as", user]
        if let subresource { arguments += ["--subresource", subresource] }
        if let namespace { arguments += ["--namespace", namespace] }
        return arguments
    }

    var description: String {
        "\(verb) \(resource)\(subresource.map { " --subresource \($0)" } ?? "")\(name.map { " name \($0)" } ?? "") in \(namespace ?? "cluster scope")"
    }
}
