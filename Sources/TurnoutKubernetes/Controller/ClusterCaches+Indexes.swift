import KubernetesClient
import TurnoutCore

/// The indexes the caches keep, so a change maps to its rollouts without a scan.
extension ClusterCaches {
    /// ReplicaSets and pods by their controller's uid (`uncontrolled/NAMESPACE` for those without one).
    static let byController = "controller"
    /// Pods by `NAMESPACE/HASH` of their revision.
    static let byRevision = "revision"
    /// EndpointSlices by `NAMESPACE/SERVICE` they belong to; rollouts by every Service they name.
    static let byService = "service"
    /// AnalysisRuns by `NAMESPACE/ROLLOUT` that owns them (`NAMESPACE/` for standalone runs).
    static let byRollout = "rollout"
    /// Rollouts by every stable Ingress they name.
    static let byIngress = "ingress"
    /// Rollouts by the Deployment their `workloadRef` names.
    static let byWorkload = "workload"
    /// Rollouts by every HTTPRoute and GRPCRoute their Gateway API routing names.
    static let byHTTPRoute = "httproute"
    /// Rollouts by every VirtualService and DestinationRule their Istio routing names.
    static let byIstioObject = "istio"

    static let rolloutsByService = InformerIndex<Rollout>(byService) { rollout in
        ServiceRoles(rollout).all.map { indexValue(rollout.metadata.namespace ?? "", $0) }
    }

    static let rolloutsByIngress = InformerIndex<Rollout>(byIngress) { rollout in
        let routing = rollout.spec.strategy?.canary?.trafficRouting?.nginx
        return routing.map { NginxCanaryIngress.stableIngresses(of: $0).map { indexValue(rollout.metadata.namespace ?? "", $0) } } ?? []
    }

    static let rolloutsByWorkload = InformerIndex<Rollout>(byWorkload) { rollout in
        guard let reference = rollout.spec.workloadRef, reference.isDeployment, let name = reference.name else { return [] }
        return [indexValue(rollout.metadata.namespace ?? "", name)]
    }

    static let rolloutsByHTTPRoute = InformerIndex<Rollout>(byHTTPRoute) { rollout in
        guard let routing = rollout.spec.strategy?.canary?.trafficRouting?.effectiveGatewayAPI else { return [] }
        let namespace = routing.routeNamespace(rolloutNamespace: rollout.metadata.namespace ?? "")
        return (routing.routes + routing.grpcRouteReferences).map { indexValue(namespace, $0.name) }
    }

    static let rolloutsByIstioObject = InformerIndex<Rollout>(byIstioObject) { rollout in
        guard let routing = rollout.spec.strategy?.canary?.trafficRouting?.istio else { return [] }
        let names = routing.allVirtualServices.map(\.name) + [routing.destinationRule?.name].compactMap { $0 }
        return names.map { indexValue(rollout.metadata.namespace ?? "", $0) }
    }

    static func controllerValue(_ metadata: ClusterObjectMeta) -> String {
        metadata.controllerReference.map(\.uid) ?? uncontrolledValue(metadata.namespaceOrEmpty)
    }

    /// The controller-index value of a namespace's objects that have no controller.
    static func uncontrolledValue(_ namespace: String) -> String {
        "uncontrolled/\(namespace)"
    }

    /// `NAMESPACE/NAME`, the form the indexes use.
    static func indexValue(_ namespace: String, _ name: String) -> String {
        "\(namespace)/\(name)"
    }
}
