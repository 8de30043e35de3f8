/// Warns about Kubernetes objects written against API versions that are no longer served, naming the replacement.
enum DeprecatedAPIRules {
    private struct Removal {
        var apiVersions: Set<String>
        var kinds: Set<String>
        var replacement: String
        var removedIn: String
        var note: String?
    }

    private static let removals: [Removal] = [
        Removal(
            apiVersions: ["extensions/v1beta1", "networking.k8s.io/v1beta1"], kinds: ["Ingress"],
            replacement: "networking.k8s.io/v1", removedIn: "1.22",
            note: "backend.serviceName/servicePort became backend.service.name/port.number, and each path needs a pathType"),
        Removal(
            apiVersions: ["extensions/v1beta1", "apps/v1beta1", "apps/v1beta2"],
            kinds: ["Deployment", "ReplicaSet", "DaemonSet", "StatefulSet"], replacement: "apps/v1", removedIn: "1.16"),
        Removal(apiVersions: ["extensions/v1beta1"], kinds: ["NetworkPolicy"], replacement: "networking.k8s.io/v1", removedIn: "1.16"),
        Removal(apiVersions: ["batch/v1beta1"], kinds: ["CronJob"], replacement: "batch/v1", removedIn: "1.25"),
        Removal(apiVersions: ["policy/v1beta1"], kinds: ["PodDisruptionBudget"], replacement: "policy/v1", removedIn: "1.25"),
        Removal(
            apiVersions: ["autoscaling/v2beta1", "autoscaling/v2beta2"], kinds: ["HorizontalPodAutoscaler"],
            replacement: "autoscaling/v2", removedIn: "1.26"),
    ]

    /// Reports the object's apiVersion when Kubernetes no longer serves its kind there.
    static func check(_ object: KubernetesObject, in context: inout LintContext) {
        guard let removal = removals.first(where: { $0.apiVersions.contains(object.apiVersion) && $0.kinds.contains(object.kind) }) else { return }
        var fix = "use apiVersion: \(removal.replacement)"
        if let note = removal.note {
            fix += "; \(note)"
        }
        if removal.replacement == "apps/v1", !context.isWritten([.key("spec"), .key("selector")]) {
            fix += "; apps/v1 also requires spec.selector matching spec.template.metadata.labels"
        }
        context.warning(
            [.key("apiVersion")],
            "\(object.kind) \(object.apiVersion) is deprecated and no longer served since Kubernetes \(removal.removedIn)",
            fix: fix)
    }
}
