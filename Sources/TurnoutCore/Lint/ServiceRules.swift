/// Checks Services for field names Kubernetes would silently ignore.
enum ServiceRules {
    private static let specFields = [
        "allocateLoadBalancerNodePorts", "clusterIP", "clusterIPs", "externalIPs", "externalName", "externalTrafficPolicy",
        "healthCheckNodePort", "internalTrafficPolicy", "ipFamilies", "ipFamilyPolicy", "loadBalancerClass", "loadBalancerIP",
        "loadBalancerSourceRanges", "ports", "publishNotReadyAddresses", "selector", "sessionAffinity", "sessionAffinityConfig",
        "trafficDistribution", "type",
    ]

    /// Warns about spec fields spelled with the wrong case, such as `Selector`, which Kubernetes drops.
    static func check(_ object: KubernetesObject, in context: inout LintContext) {
        guard object.kind == "Service", case .object(let root) = object.document, case .object(let spec)? = root["spec"] else { return }
        for key in spec.keys.sorted() where !specFields.contains(key) {
            guard let field = specFields.first(where: { $0.lowercased() == key.lowercased() }) else { continue }
            let consequence = field == "selector" ? ", so this Service selects no pods" : ""
            context.warning(
                [.key("spec"), .key(key)],
                "field names are case-sensitive: Kubernetes ignores `\(key)`\(consequence)",
                fix: "rename it to `\(field)`")
        }
    }
}
