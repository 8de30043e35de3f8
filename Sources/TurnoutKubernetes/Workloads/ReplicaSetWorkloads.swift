import KubernetesClient
import Logging
import TurnoutCore
import TurnoutRuntime

/// The `Workloads` of a cluster: each revision is a ReplicaSet `<rollout>-<hash>` owned by the rollout.
/// Revisions are read from the informer cache; every write goes back into it.
///
/// Scaling down is the ReplicaSet's: the engine scales a revision down only once the router reports its
/// Services no longer route to it (their EndpointSlices dropped its pods), and the kubelet stops each pod with
/// its grace period. A restart deletes the revision's pods created before `restartAt`, one at a time, each only
/// while all the revision's pods are ready; when none is older, the ReplicaSet is annotated restarted.
public struct ReplicaSetWorkloads: Workloads {
    /// The API server.
    public let client: KubernetesClient
    /// The group's resources (for owner references).
    public let resources: ClusterResources
    /// Where ReplicaSets and pods are read.
    public let caches: ClusterCaches
    /// Where to log.
    public let logger: Logger

    /// Creates the adapter.
    public init(client: KubernetesClient, resources: ClusterResources, caches: ClusterCaches, logger: Logger) {
        self.client = client
        self.resources = resources
        self.caches = caches
        self.logger = logger
    }

    public func revisions(of rollout: Rollout) async throws -> [RevisionState] {
        await caches.replicaSets(of: rollout).compactMap(\.revisionState)
    }

    public func apply(_ targets: [RevisionTarget], deleting: [String], for rollout: Rollout) async throws {
        guard let uid = rollout.metadata.uid else { return }
        let owner = resources.ownerReference(toRollout: rollout.name, uid: uid)
        let namespace = rollout.metadata.namespace ?? ""
        let existing = Dictionary(await caches.replicaSets(of: rollout).compactMap { set in set.podTemplateHash.map { ($0, set) } }, uniquingKeysWith: { first, _ in first })
        for target in targets {
            guard var replicaSet = existing[target.hash] else {
                let created: ReplicaSet
                do {
                    created = try await client.create(.replicaSets, namespace: namespace, ReplicaSetPlan.replicaSet(for: target, of: rollout, owner: owner))
                } catch KubernetesError.alreadyExists {
                    // Made by an earlier attempt the cache has not seen yet: read it, and patch it next time.
                    created = try await client.get(.replicaSets, namespace: namespace, name: ReplicaSetPlan.name(of: target, in: rollout))
                }
                await caches.replicaSets.remember(created)
                continue
            }
            if let patch = ReplicaSetPlan.patch(bringing: replicaSet, to: target, of: rollout, owner: owner) {
                replicaSet = try await client.patch(.replicaSets, namespace: namespace, name: replicaSet.metadata.name ?? "", patch)
                await caches.replicaSets.remember(replicaSet)
            }
            if let restartAt = target.restartAt, replicaSet.metadata.annotations?[ClusterMetadata.restartedAt] != restartAt {
                try await restart(replicaSet, replicas: target.replicas, restartAt: restartAt)
            }
        }
        for hash in deleting {
            guard let replicaSet = existing[hash], let name = replicaSet.metadata.name else { continue }
            do {
                try await client.delete(.replicaSets, namespace: namespace, name: name, options: DeleteOptions(propagationPolicy: .background))
            } catch KubernetesError.notFound {}
            await caches.replicaSets.forget(replicaSet.informerKey)
        }
        try await scaleDownWorkload(of: rollout, targets: targets)
    }

    /// Scales the Deployment a rollout migrates from as its `workloadRef.scaleDown` says (Argo's rules: only
    /// while the rollout's current revision is its first).
    private func scaleDownWorkload(of rollout: Rollout, targets: [RevisionTarget]) async throws {
        guard let reference = rollout.spec.workloadRef, reference.isDeployment, let name = reference.name,
            let mode = reference.scaleDownMode, let status = rollout.status else { return }
        let isFirstRevision = targets.first { $0.hash == status.currentPodHash }?.number == 1
        guard let replicas = WorkloadReference.workloadReplicas(
                mode: mode, isFirstRevision: isFirstRevision, isHealthy: status.phase == .healthy,
                rolloutReplicas: rollout.spec.effectiveReplicas, readyReplicas: status.readyReplicas ?? 0),
            let deployment = await caches.deployments.object(InformerKey(namespace: rollout.metadata.namespace ?? "", name: name)),
            deployment.spec?.replicas != replicas
        else { return }
        let scaled: Deployment = try await client.patch(
            .deployments, namespace: rollout.metadata.namespace, name: name, .merge(["spec": ["replicas": .int(replicas)]]))
        await caches.deployments.remember(scaled)
        logger.info("scaled the referenced Deployment", metadata: ["rollout.name": "\(rollout.key)", "rollout.deployment": "\(name)", "rollout.replicas": "\(replicas)"])
    }

    /// Deletes the next pod due for a restart, or annotates the ReplicaSet restarted when none is older.
    private func restart(_ replicaSet: ReplicaSet, replicas: Int, restartAt: String) async throws {
        let pods = await caches.pods(of: replicaSet)
        let namespace = replicaSet.metadata.namespaceOrEmpty
        if ReplicaSetPlan.isRestarted(pods, restartAt: restartAt), pods.count >= replicas {
            let patch = Patch.merge(["metadata": ["annotations": [ClusterMetadata.restartedAt: .string(restartAt)]]])
            let patched: ReplicaSet = try await client.patch(.replicaSets, namespace: namespace, name: replicaSet.metadata.name ?? "", patch)
            await caches.replicaSets.remember(patched)
            return
        }
        guard let pod = ReplicaSetPlan.podToRestart(pods, replicas: replicas, restartAt: restartAt), let name = pod.metadata.name else { return }
        logger.info("restarting pod", metadata: ["rollout.pod": "\(namespace)/\(name)", "rollout.restartAt": "\(restartAt)"])
        do {
            try await client.delete(.pods, namespace: namespace, name: name)
        } catch KubernetesError.notFound {}
    }
}
