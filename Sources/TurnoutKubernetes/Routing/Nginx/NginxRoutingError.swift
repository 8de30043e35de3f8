import TurnoutCore
import TurnoutRuntime

/// Why NGINX routing could not be carried out.
public enum NginxRoutingError: Error, Sendable, Hashable, CustomStringConvertible, RetryableError {
    /// The rollout has no `trafficRouting.nginx`.
    case notConfigured(rollout: RolloutKey)
    /// A stable Ingress does not exist.
    case stableIngressNotFound(rollout: RolloutKey, ingress: String)
    /// No rule of a stable Ingress sends traffic to the stable Service.
    case noRuleForStableService(rollout: RolloutKey, ingress: String, service: String)
    /// The canary Ingress's name is taken by an object the rollout does not control.
    case canaryIngressTaken(rollout: RolloutKey, ingress: String)
    /// A header route NGINX cannot match.
    case headerRouteNotExpressible(rollout: RolloutKey, route: String, reason: String)
    /// NGINX has no mirroring of canary traffic.
    case mirrorNotSupported(rollout: RolloutKey, route: String)

    /// None passes until someone changes the Ingresses or the rollout.
    public var retryReason: RetryReason? { nil }

    public var description: String {
        switch self {
        case .notConfigured(let rollout):
            return "route rollout \(rollout): it has no trafficRouting.nginx"
        case .stableIngressNotFound(let rollout, let ingress):
            return "route rollout \(rollout): Ingress \(rollout.namespace)/\(ingress) (trafficRouting.nginx.stableIngress) does not exist; create it or fix the name"
        case .noRuleForStableService(let rollout, let ingress, let service):
            return "route rollout \(rollout): no rule of Ingress \(rollout.namespace)/\(ingress) sends traffic to the stable Service \(service); point a path's backend at it"
        case .canaryIngressTaken(let rollout, let ingress):
            return "route rollout \(rollout): Ingress \(rollout.namespace)/\(ingress) exists and is not controlled by this rollout; delete or rename it"
        case .headerRouteNotExpressible(let rollout, let route, let reason):
            return "route rollout \(rollout): header route \(route) cannot be carried out by NGINX: \(reason); match one header"
        case .mirrorNotSupported(let rollout, let route):
            return "route rollout \(rollout): mirror route \(route) cannot be carried out by NGINX, which does not mirror canary traffic; remove the setMirrorRoute step"
        }
    }
}
