import KubernetesClient
import Logging
import TurnoutCore
import TurnoutRuntime

/// The `TrafficRouter` of a cluster without a mesh or ingress router: the revision hash is injected into the
/// selectors of the rollout's Services (blue-green active/preview, canary stable/canary), and what they route
/// to is read back from their EndpointSlices, so a step counts as done only once the endpoints list only the
/// intended revision's ready pods. A rollout without such Services splits by replica counts; what was asked for
/// it is reported back as is (there is no data plane to verify).
public actor ServiceSelectorRouter: TrafficRouter {
    private let client: KubernetesClient
    private let caches: ClusterCaches
    private let logger: Logger
    /// The last traffic asked for each rollout (what a rollout without Services reports).
    private var requested: [RolloutKey: TrafficState] = [:]

    /// Creates the router.
    public init(client: KubernetesClient, caches: ClusterCaches, logger: Logger) {
        self.client = client
        self.caches = caches
        self.logger = logger
    }

    public func observedTraffic(for rollout: Rollout) async throws -> TrafficState? {
        let roles = ServiceRoles(rollout)
        let asked = requested[rollout.key]
        guard !roles.all.isEmpty else { return asked.map(Self.withoutRequestRouting) }
        let namespace = rollout.metadata.namespace ?? ""
        let pods = await caches.pods.objects(inNamespace: namespace)
        let podHashes = Dictionary(pods.compactMap { pod in pod.podTemplateHash.map { (pod.metadata.name ?? "", $0) } }, uniquingKeysWith: { first, _ in first })
        let readyHashes = Set(pods.filter(\.isReady).compactMap(\.podTemplateHash))
        let slices = await caches.endpointSlices.objects(inNamespace: namespace)
        let services = await caches.services.objects(inNamespace: namespace).filter { roles.all.contains($0.metadata.name ?? "") }
        guard services.contains(where: { $0.selectedHash != nil }) else { return nil }
        func served(_ name: String) -> ServiceTrafficReader.ServedRevision {
            guard let service = services.first(where: { $0.metadata.name == name }) else { return .nothing }
            let own = slices.filter { $0.serviceName == name }
            let unattributed = own.reduce(0) { total, slice in
                total + (slice.endpoints ?? []).filter { $0.isReady && $0.targetRef?.kind != "Pod" }.count
            }
            return ServiceTrafficReader.servedRevision(
                readyPods: own.flatMap(\.readyPodNames), unattributedReadyEndpoints: unattributed, podHashes: podHashes,
                selectedHash: service.selectedHash, selectedHasReadyPods: service.selectedHash.map(readyHashes.contains) ?? false)
        }
        return TrafficState(
            stable: roles.stable.isEmpty ? asked?.stable : ServiceTrafficReader.agreed(roles.stable.map(served)),
            canary: roles.canary.isEmpty ? asked?.canary : ServiceTrafficReader.agreed(roles.canary.map(served)),
            canaryWeight: asked?.canaryWeight,
            routesRequests: false)
    }

    public func setTraffic(_ traffic: TrafficState, for rollout: Rollout) async throws {
        requested[rollout.key] = traffic
        let namespace = rollout.metadata.namespace ?? ""
        for (name, hash) in ServiceRoles(rollout).selections(for: traffic).sorted(by: { $0.key < $1.key }) {
            guard let service = await caches.services.object(InformerKey(namespace: namespace, name: name)) else {
                throw ClusterRoutingError.serviceNotFound(rollout: rollout.key, service: name)
            }
            if let owner = service.managingRollout, owner != rollout.name {
                throw ClusterRoutingError.serviceManagedByAnother(rollout: rollout.key, service: name, owner: owner)
            }
            guard service.selectedHash != hash || service.managingRollout == nil else { continue }
            let patch = Patch.merge([
                "metadata": ["annotations": [ClusterMetadata.managedByRollout: .string(rollout.name)]],
                "spec": ["selector": [ClusterMetadata.podTemplateHash: .string(hash)]],
            ])
            let patched: Service = try await client.patch(.services, namespace: namespace, name: name, patch)
            await caches.services.remember(patched)
            logger.info("service selects revision", metadata: ["rollout.name": "\(rollout.key)", "rollout.service": "\(name)", "rollout.revision": "\(hash)"])
        }
    }

    /// Removes the revision hash and the managed-by annotation from every Service a deleted rollout managed.
    public func release(rolloutNamed name: String, namespace: String) async throws {
        requested[RolloutKey(namespace: namespace, name: name)] = nil
        for service in await caches.services.objects(inNamespace: namespace) where service.managingRollout == name {
            let patch = Patch.merge([
                "metadata": ["annotations": [ClusterMetadata.managedByRollout: .null]],
                "spec": ["selector": [ClusterMetadata.podTemplateHash: .null]],
            ])
            do {
                let patched: Service = try await client.patch(.services, namespace: namespace, name: service.metadata.name ?? "", patch)
                await caches.services.remember(patched)
            } catch KubernetesError.notFound {}
        }
    }

    /// The requested state as the report of a runtime that routes no requests (no header or mirror routes).
    private static func withoutRequestRouting(_ traffic: TrafficState) -> TrafficState {
        TrafficState(stable: traffic.stable, canary: traffic.canary, canaryWeight: traffic.canaryWeight, routesRequests: false)
    }
}

/// Why a rollout's traffic could not be moved.
public enum ClusterRoutingError: Error, Sendable, Hashable, CustomStringConvertible, RetryableError {
    /// A Service the strategy names does not exist.
    case serviceNotFound(rollout: RolloutKey, service: String)
    /// A Service the strategy names is managed by another rollout.
    case serviceManagedByAnother(rollout: RolloutKey, service: String, owner: String)

    /// Neither passes until someone changes the Services.
    public var retryReason: RetryReason? { nil }

    public var description: String {
        switch self {
        case .serviceNotFound(let rollout, let service):
            return "route rollout \(rollout): Service \(rollout.namespace)/\(service) does not exist; create it or fix the strategy's service name"
        case .serviceManagedByAnother(let rollout, let service, let owner):
            return "route rollout \(rollout): Service \(rollout.namespace)/\(service) is managed by rollout \(owner); each Service can serve one rollout"
        }
    }
}
