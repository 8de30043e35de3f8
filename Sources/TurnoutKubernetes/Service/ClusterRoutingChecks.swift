import TurnoutCore

/// What the controller cannot carry out of a rollout's traffic routing, as apply errors (a valid Argo manifest
/// the single-host runtime runs may still ask for more than a cluster router does): a router other than NGINX,
/// Istio and the Gateway API, a mirror step through NGINX, a header route on more than one header through NGINX.
/// Pure.
public enum ClusterRoutingChecks {
    /// The errors for every rollout of a manifest set.
    public static func diagnostics(_ set: ManifestSet) -> [Diagnostic] {
        set.documents.flatMap { document -> [Diagnostic] in
            guard case .rollout(let rollout) = document.object, let canary = rollout.spec.strategy?.canary, let routing = canary.trafficRouting else { return [] }
            func error(_ path: String, _ message: String, fix: String) -> Diagnostic {
                Diagnostic(severity: .error, location: document.fieldLocations.key(path), path: FieldPath(parsing: path) ?? [], message: message, fix: fix)
            }
            let base = "spec.strategy.canary.trafficRouting"
            guard routing.nginx != nil || routing.effectiveGatewayAPI != nil || routing.istio != nil else {
                return [error(base, "on Kubernetes Turnout routes weights through nginx, istio and the Gateway API (and Service selectors); this rollout's router is not carried out on a cluster",
                              fix: "use trafficRouting.nginx, istio or the argoproj-labs/gatewayAPI plugin, remove trafficRouting to split by replica ratio, or run it on a single host (`turnout up`)")]
            }
            guard routing.nginx != nil else { return [] }
            var problems: [Diagnostic] = []
            for (index, step) in (canary.steps ?? []).enumerated() {
                let path = "spec.strategy.canary.steps[\(index)]"
                if step.setMirrorRoute != nil {
                    problems.append(error("\(path).setMirrorRoute", "NGINX does not mirror canary traffic", fix: "remove the setMirrorRoute step, or run it on a single host"))
                }
                if let matches = step.setHeaderRoute?.match, matches.count > 1 {
                    problems.append(error("\(path).setHeaderRoute.match", "NGINX matches one header; this route matches \(matches.count)", fix: "keep one header match"))
                }
            }
            return problems
        }
    }
}
