import KubernetesClient
import Logging
import TurnoutCore
import TurnoutRuntime

/// The informers the controller reads from: rollouts of its group, the ReplicaSets and pods that carry a
/// revision hash, Services and their EndpointSlices, Ingresses, the Deployments rollouts reference, AnalysisRuns
/// and the Jobs Turnout made. Everything the
/// controller decides from comes from here; its own writes go into them at once (write-back).
public struct ClusterCaches: Sendable {
    /// Rollouts of the controller's group.
    public let rollouts: Informer<Rollout>
    /// ReplicaSets labelled `rollouts-pod-template-hash`.
    public let replicaSets: Informer<ReplicaSet>
    /// Pods labelled `rollouts-pod-template-hash`.
    public let pods: Informer<Pod>
    /// Every Service.
    public let services: Informer<Service>
    /// Every EndpointSlice.
    public let endpointSlices: Informer<EndpointSlice>
    /// Every Ingress (stable Ingresses the rollouts name, the canary Ingresses they own).
    public let ingresses: Informer<Ingress>
    /// Gateway API HTTPRoutes and GRPCRoutes, of the kinds the cluster serves.
    public let gatewayRoutes: [GatewayRouteKind: GatewayRouteInformer]
    /// Istio's VirtualServices and DestinationRules, where the cluster serves them.
    public let istio: IstioInformers?
    /// Every Deployment (those a rollout's `workloadRef` names supply its template).
    public let deployments: Informer<Deployment>
    /// AnalysisRuns of the controller's group.
    public let analysisRuns: Informer<ClusterAnalysisRun>
    /// Jobs labelled as made by Turnout (the `job` metric provider's).
    public let jobs: Informer<Job>

    /// Creates the informers for one namespace (`nil`: all); `endpointSlices`, `gatewayRoutes` and `istio` are the
    /// versions the server serves (no informer for a kind it does not serve).
    public init(
        client: KubernetesClient, resources: ClusterResources, namespace: String?, endpointSlices endpointSliceResource: ResourceType,
        gatewayRoutes gatewayRouteResources: [GatewayRouteKind: ResourceType] = [:], istio istioResources: (virtualServices: ResourceType, destinationRules: ResourceType)? = nil,
        logger: Logger
    ) {
        let revisionLabel = ClusterMetadata.podTemplateHash
        rollouts = Informer(
            client: client, resource: resources.rollouts, namespace: namespace, indexes: [Self.rolloutsByService, Self.rolloutsByIngress, Self.rolloutsByWorkload, Self.rolloutsByHTTPRoute, Self.rolloutsByIstioObject],
            logger: logger)
        replicaSets = Informer(
            client: client, resource: .replicaSets, namespace: namespace, labelSelector: revisionLabel,
            indexes: [InformerIndex(Self.byController) { [Self.controllerValue($0.metadata)] }], logger: logger)
        pods = Informer(
            client: client, resource: .pods, namespace: namespace, labelSelector: revisionLabel,
            indexes: [
                InformerIndex(Self.byController) { [Self.controllerValue($0.metadata)] },
                InformerIndex(Self.byRevision) { pod in pod.podTemplateHash.map { [Self.indexValue(pod.metadata.namespaceOrEmpty, $0)] } ?? [] },
            ], logger: logger)
        services = Informer(client: client, resource: .services, namespace: namespace, logger: logger)
        endpointSlices = Informer(
            client: client, resource: endpointSliceResource, namespace: namespace,
            indexes: [InformerIndex(Self.byService) { slice in slice.serviceName.map { [Self.indexValue(slice.metadata.namespaceOrEmpty, $0)] } ?? [] }], logger: logger)
        ingresses = Informer(client: client, resource: .ingresses, namespace: namespace, logger: logger)
        deployments = Informer(client: client, resource: .deployments, namespace: namespace, logger: logger)
        gatewayRoutes = gatewayRouteResources.mapValues { resource in
            GatewayRouteInformer(resource: resource, routes: Informer(client: client, resource: resource, namespace: namespace, logger: logger))
        }
        istio = istioResources.map { resources in
            IstioInformers(
                virtualServiceResource: resources.virtualServices, destinationRuleResource: resources.destinationRules,
                virtualServices: Informer(client: client, resource: resources.virtualServices, namespace: namespace, logger: logger),
                destinationRules: Informer(client: client, resource: resources.destinationRules, namespace: namespace, logger: logger))
        }
        analysisRuns = Informer(
            client: client, resource: resources.analysisRuns, namespace: namespace,
            indexes: [InformerIndex(Self.byRollout) { [Self.indexValue($0.objectMeta.namespaceOrEmpty, $0.rolloutName ?? "")] }], logger: logger)
        jobs = Informer(
            client: client, resource: .jobs, namespace: namespace,
            labelSelector: "\(ClusterMetadata.managedBy)=\(ClusterMetadata.controllerName)", logger: logger)
    }

    /// Runs every informer until the calling task is cancelled.
    public func run() async {
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await rollouts.run() }
            group.addTask { await replicaSets.run() }
            group.addTask { await pods.run() }
            group.addTask { await services.run() }
            group.addTask { await endpointSlices.run() }
            group.addTask { await ingresses.run() }
            group.addTask { await deployments.run() }
            for routes in gatewayRoutes.values { group.addTask { await routes.routes.run() } }
            if let istio {
                group.addTask { await istio.virtualServices.run() }
                group.addTask { await istio.destinationRules.run() }
            }
            group.addTask { await analysisRuns.run() }
            group.addTask { await jobs.run() }
        }
    }

    /// Returns once every informer has listed once.
    public func waitUntilSynced() async {
        await rollouts.waitUntilSynced()
        await replicaSets.waitUntilSynced()
        await pods.waitUntilSynced()
        await services.waitUntilSynced()
        await endpointSlices.waitUntilSynced()
        await ingresses.waitUntilSynced()
        await deployments.waitUntilSynced()
        for routes in gatewayRoutes.values { await routes.routes.waitUntilSynced() }
        await istio?.virtualServices.waitUntilSynced()
        await istio?.destinationRules.waitUntilSynced()
        await analysisRuns.waitUntilSynced()
        await jobs.waitUntilSynced()
    }

    /// The rollout with a key, with its Turnout-only status restored and its `workloadRef` resolved.
    public func rollout(_ key: RolloutKey) async -> Rollout? {
        guard let rollout = await rollouts.object(InformerKey(key)).map(ClusterRolloutCodec.loaded) else { return nil }
        return await resolvingWorkload(of: rollout)
    }

    /// A rollout with the pod template of the Deployment its `workloadRef` names, and that Deployment's
    /// selector when it has none, as Argo resolves them; unchanged while the Deployment is not in the cache.
    public func resolvingWorkload(of rollout: Rollout) async -> Rollout {
        guard let reference = rollout.spec.workloadRef, reference.isDeployment, let name = reference.name,
            let deployment = await deployments.object(InformerKey(namespace: rollout.metadata.namespace ?? "", name: name))
        else { return rollout }
        var resolved = rollout
        resolved.spec.template = deployment.spec?.template
        if resolved.spec.selector == nil { resolved.spec.selector = deployment.spec?.selector }
        return resolved
    }

    /// The rollouts whose Gateway API routing names an HTTPRoute or GRPCRoute.
    public func rollouts(namingGatewayRoute name: String, inNamespace namespace: String) async -> [Rollout] {
        await rollouts.objects(inIndex: Self.byHTTPRoute, value: Self.indexValue(namespace, name))
    }

    /// The rollouts whose Istio routing names a VirtualService or DestinationRule.
    public func rollouts(namingIstioObject name: String, inNamespace namespace: String) async -> [Rollout] {
        await rollouts.objects(inIndex: Self.byIstioObject, value: Self.indexValue(namespace, name))
    }

    /// The rollouts whose `workloadRef` names a Deployment.
    public func rollouts(referencing deployment: String, inNamespace namespace: String) async -> [Rollout] {
        await rollouts.objects(inIndex: Self.byWorkload, value: Self.indexValue(namespace, deployment))
    }

    /// The ReplicaSets a rollout owns (by controller reference to its uid), or that match its selector and have no controller yet.
    public func replicaSets(of rollout: Rollout) async -> [ReplicaSet] {
        let namespace = rollout.metadata.namespace ?? ""
        var owned: [ReplicaSet] = []
        if let uid = rollout.metadata.uid {
            owned = await replicaSets.objects(inIndex: Self.byController, value: uid).filter { $0.metadata.controllerReference?.kind == "Rollout" }
        }
        let selector = rollout.spec.selector
        let uncontrolled: [ReplicaSet] = await replicaSets.objects(inIndex: Self.byController, value: Self.uncontrolledValue(namespace))
        let adoptable = uncontrolled.filter { replicaSet in selector?.matches(replicaSet.metadata.labels ?? [:]) ?? false }
        return (owned + adoptable).sorted { $0.informerKey < $1.informerKey }
    }

    /// The pods a ReplicaSet owns.
    public func pods(of replicaSet: ReplicaSet) async -> [Pod] {
        guard let uid = replicaSet.metadata.uid else { return [] }
        return await pods.objects(inIndex: Self.byController, value: uid)
    }

    /// The pods of a revision in a namespace.
    public func pods(ofRevision hash: String, inNamespace namespace: String) async -> [Pod] {
        await pods.objects(inIndex: Self.byRevision, value: Self.indexValue(namespace, hash))
    }

    /// The EndpointSlices of a Service.
    public func endpointSlices(ofService name: String, inNamespace namespace: String) async -> [EndpointSlice] {
        await endpointSlices.objects(inIndex: Self.byService, value: Self.indexValue(namespace, name))
    }

    /// The rollouts that name a Service in one of their roles.
    public func rollouts(namingService name: String, inNamespace namespace: String) async -> [Rollout] {
        await rollouts.objects(inIndex: Self.byService, value: Self.indexValue(namespace, name))
    }

    /// The rollouts that name an Ingress as their stable Ingress.
    public func rollouts(namingIngress name: String, inNamespace namespace: String) async -> [Rollout] {
        await rollouts.objects(inIndex: Self.byIngress, value: Self.indexValue(namespace, name))
    }

    /// The AnalysisRuns a rollout owns (the standalone runs of the namespace for the name `""`).
    public func analysisRuns(ofRollout key: RolloutKey) async -> [ClusterAnalysisRun] {
        await analysisRuns.objects(inIndex: Self.byRollout, value: Self.indexValue(key.namespace, key.name))
    }

    /// One Gateway API route kind, with the version the cluster serves.
    public struct GatewayRouteInformer: Sendable {
        /// The resource.
        public let resource: ResourceType
        /// Every route of the kind.
        public let routes: Informer<GatewayRoute>
    }

    /// Istio's two kinds, with the versions the cluster serves.
    public struct IstioInformers: Sendable {
        /// The VirtualService resource.
        public let virtualServiceResource: ResourceType
        /// The DestinationRule resource.
        public let destinationRuleResource: ResourceType
        /// Every VirtualService.
        public let virtualServices: Informer<IstioObject>
        /// Every DestinationRule.
        public let destinationRules: Informer<IstioObject>
    }
}
