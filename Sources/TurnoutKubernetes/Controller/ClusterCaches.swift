import KubernetesClient
import Logging
import TurnoutCore
import TurnoutRuntime

/// The informers the controller reads from: rollouts of its group, the ReplicaSets and pods that carry a
/// revision hash, Services and their EndpointSlices, AnalysisRuns and the Jobs Turnout made. Everything the
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
    /// AnalysisRuns of the controller's group.
    public let analysisRuns: Informer<ClusterAnalysisRun>
    /// Jobs labelled as made by Turnout (the `job` metric provider's).
    public let jobs: Informer<Job>

    /// Creates the informers for one namespace (`nil`: all); `endpointSlices` is the EndpointSlice resource the server serves.
    public init(client: KubernetesClient, resources: ClusterResources, namespace: String?, endpointSlices endpointSliceResource: ResourceType, logger: Logger) {
        let revisionLabel = ClusterMetadata.podTemplateHash
        rollouts = Informer(client: client, resource: resources.rollouts, namespace: namespace, logger: logger)
        replicaSets = Informer(client: client, resource: .replicaSets, namespace: namespace, labelSelector: revisionLabel, logger: logger)
        pods = Informer(client: client, resource: .pods, namespace: namespace, labelSelector: revisionLabel, logger: logger)
        services = Informer(client: client, resource: .services, namespace: namespace, logger: logger)
        endpointSlices = Informer(client: client, resource: endpointSliceResource, namespace: namespace, logger: logger)
        analysisRuns = Informer(client: client, resource: resources.analysisRuns, namespace: namespace, logger: logger)
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
        await analysisRuns.waitUntilSynced()
        await jobs.waitUntilSynced()
    }

    /// The rollout with a key, with its Turnout-only status restored.
    public func rollout(_ key: RolloutKey) async -> Rollout? {
        await rollouts.object(InformerKey(key)).map(ClusterRolloutCodec.loaded)
    }

    /// The ReplicaSets a rollout owns (by controller reference to its uid), or that match its selector and have no controller yet.
    public func replicaSets(of rollout: Rollout) async -> [ReplicaSet] {
        let namespace = rollout.metadata.namespace ?? ""
        let uid = rollout.metadata.uid
        let selector = rollout.spec.selector
        return await replicaSets.objects(inNamespace: namespace).filter { replicaSet in
            if let owner = replicaSet.metadata.controllerReference {
                return owner.kind == "Rollout" && owner.uid == uid
            }
            return selector.map { $0.matches(replicaSet.metadata.labels ?? [:]) } ?? false
        }
    }

    /// The pods a ReplicaSet owns.
    public func pods(of replicaSet: ReplicaSet) async -> [Pod] {
        await pods.objects(inNamespace: replicaSet.metadata.namespaceOrEmpty).filter {
            $0.metadata.controllerReference?.uid == replicaSet.metadata.uid
        }
    }
}
