/// What `turnout controller` reads and writes (issue 10): the expectation the install's RBAC is checked against,
/// both as rules (rendered manifests) and as answers of the API server's authorizer (`kubectl auth can-i`).
enum ControllerPermissions {
    /// One verb on one resource (`resource/subresource` for a subresource).
    struct Grant: Hashable, Comparable, CustomStringConvertible {
        var group: String
        var resource: String
        var verb: String

        static func < (a: Grant, b: Grant) -> Bool { a.description < b.description }
        var description: String { "\(verb) \(group.isEmpty ? "core" : group)/\(resource)" }
    }

    /// The Rollout group's resources, per verb, for `group` (turnout.dev, or argoproj.io for the drop-in).
    static func rolloutGroup(_ group: String) -> [Grant] {
        grants(group, "rollouts", ["get", "list", "watch", "update", "patch"])
            + grants(group, "rollouts/status", ["get", "update", "patch"])
            + grants(group, "analysistemplates", ["get", "list", "watch"])
            + grants(group, "clusteranalysistemplates", ["get", "list", "watch"])
            + grants(group, "analysisruns", ["get", "list", "watch", "create", "update", "patch", "delete"])
            + grants(group, "analysisruns/status", ["get", "update", "patch"])
    }

    /// The built-in resources, in every watched namespace.
    static let workloads: [Grant] =
        grants("apps", "replicasets", ["get", "list", "watch", "create", "update", "patch", "delete"])
            + grants("apps", "deployments", ["get", "list", "watch", "patch"])
            + grants("", "pods", ["get", "list", "watch", "delete"])
            + grants("", "services", ["get", "list", "watch", "update", "patch"])
            + grants("", "secrets", ["get"])
            + grants("", "events", ["create", "patch"])
            + grants("discovery.k8s.io", "endpointslices", ["get", "list", "watch"])
            + grants("networking.k8s.io", "ingresses", ["get", "list", "watch", "create", "update", "patch", "delete"])
            + grants("gateway.networking.k8s.io", "httproutes", ["get", "list", "watch", "update", "patch"])
            + grants("gateway.networking.k8s.io", "grpcroutes", ["get", "list", "watch", "update", "patch"])
            + grants("networking.istio.io", "virtualservices", ["get", "list", "watch", "update", "patch"])
            + grants("networking.istio.io", "destinationrules", ["get", "list", "watch", "update", "patch"])
            + grants("batch", "jobs", ["get", "list", "watch", "create", "delete"])

    /// Everything for `group`, as the cluster-wide ClusterRole grants it.
    static func all(_ group: String) -> Set<Grant> {
        Set(rolloutGroup(group) + workloads)
    }

    /// Leader election, in the controller's own namespace (the Lease's name is fixed).
    static let leaderElection: Set<Grant> = Set(grants("coordination.k8s.io", "leases", ["get", "create", "update"]))

    /// Every (group, resource, verb) a set of rules grants.
    static func granted(by rules: [PolicyRule]) -> Set<Grant> {
        var result: Set<Grant> = []
        for rule in rules {
            for group in rule.apiGroups {
                for resource in rule.resources {
                    for verb in rule.verbs { result.insert(Grant(group: group, resource: resource, verb: verb)) }
                }
            }
        }
        return result
    }

    private static func grants(_ group: String, _ resource: String, _ verbs: [String]) -> [Grant] {
        verbs.map { Grant(group: group, resource: resource, verb: $0) }
    }
}
