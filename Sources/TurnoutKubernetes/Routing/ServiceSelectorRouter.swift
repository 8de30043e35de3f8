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
        var services: [String: Service] = [:]
        for name in roles.all {
            services[name] = await caches.services.object(InformerKey(namespace: namespace, name: name))
        }
        guard services.values.contains(where: { $0.selectedHash != nil }) else { return nil }
        var served: [String: ServiceTrafficReader.ServedRevision] = [:]
        for (name, service) in services {
            served[name] = await servedRevision(of: service, named: name, inNamespace: namespace)
        }
        func agreed(_ names: [String]) -> String? { ServiceTrafficReader.agreed(names.map { served[$0] ?? .nothing }) }
        return TrafficState(
            stable: roles.stable.isEmpty ? asked?.stable : agreed(roles.stable),
            canary: roles.canary.isEmpty ? asked?.canary : agreed(roles.canary),
            canaryWeight: asked?.canaryWeight,
            routesRequests: false)
    }

    /// What a Service's EndpointSlices say it routes to: the revisions of the pods they list as ready.
    private func servedRevision(of service: Service, named name: String, inNamespace namespace: String) async -> ServiceTrafficReader.ServedRevision {
        let slices = await caches.endpointSlices(ofService: name, inNamespace: namespace)
        let unattributed = slices.reduce(0) { total, slice in
            total + (slice.endpoints ?? []).filter { $0.isReady && $0.targetRef?.kind != "Pod" }.count
        }
        let readyPods = slices.flatMap(\.readyPodNames)
        var podHashes: [String: String] = [:]
        for pod in readyPods {
            podHashes[pod] = await caches.pods.object(InformerKey(namespace: namespace, name: pod))?.podTemplateHash
        }
        var selectedHasReadyPods = false
        if let selected = service.selectedHash {
            selectedHasReadyPods = await caches.pods(ofRevision: selected, inNamespace: namespace).contains(where: \.isReady)
        }
        return ServiceTrafficReader.servedRevision(
            readyPods: readyPods, unattributedReadyEndpoints: unattributed, podHashes: podHashes,
            selectedHash: service.selectedHash, selectedHasReadyPods: selectedHasReadyPods)
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
    /// The strategy's router is not one the controller carries out.
    case routerNotCarriedOut(rollout: RolloutKey)

    /// Neither passes until someone changes the Services.
    public var retryReason: RetryReason? { nil }

    public var description: String {
        switch self {
        case .serviceNotFound(let rollout, let service):
            return "route rollout \(rollout): Service \(rollout.namespace)/\(service) does not exist; create it or fix the strategy's service name"
        case .serviceManagedByAnother(let rollout, let service, let owner):
            return "route rollout \(rollout): Service \(rollout.namespace)/\(service) is managed by rollout \(owner); each Service can serve one rollout"
        case .routerNotCarriedOut(let rollout):
            return "route rollout \(rollout): on Kubernetes Turnout routes weights through trafficRouting.nginx, istio and the Gateway API only; use one, or remove trafficRouting to split by replica ratio"
        }
    }
}
