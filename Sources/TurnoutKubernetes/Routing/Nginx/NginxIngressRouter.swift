import KubernetesClient
import Logging
import TurnoutCore
import TurnoutRuntime

/// Weights through ingress-nginx (`trafficRouting.nginx`): one canary Ingress per stable Ingress, carrying the
/// canary weight, created, kept in sync with its stable Ingress, put back when someone else changes it (with
/// an Event), and removed once the rollout is fully promoted (Kubernetes' garbage collector removes it with
/// the rollout, which owns it). The weight it reports is read back from the Ingresses in the cache, and only
/// when every canary Ingress is exactly what the rollout asks for.
public actor NginxIngressRouter {
    private let client: KubernetesClient
    private let caches: ClusterCaches
    private let resources: ClusterResources
    private let writer: RouterObjectWriter
    private let logger: Logger

    /// Creates the router.
    public init(client: KubernetesClient, caches: ClusterCaches, resources: ClusterResources, writer: RouterObjectWriter, logger: Logger) {
        self.client = client
        self.caches = caches
        self.resources = resources
        self.writer = writer
        self.logger = logger
    }

    /// Reads the rollout's canary Ingresses back from the cache.
    public func observed(for rollout: Rollout) async -> RouterObservation {
        guard let routing = rollout.spec.strategy?.canary?.trafficRouting?.nginx, let owner = owner(of: rollout) else { return .unverified }
        let prefix = NginxCanaryIngress.prefix(of: routing)
        var weights: Set<Int> = []
        var routes: Set<String>?
        for stableName in NginxCanaryIngress.stableIngresses(of: routing) {
            guard let canary = await ingress(NginxCanaryIngress.name(rollout: rollout.name, stableIngress: stableName), of: rollout) else {
                weights.insert(0)
                routes = []
                continue
            }
            let route = NginxCanaryIngress.readHeaderRoute(of: canary, prefix: prefix)
            guard let stable = await ingress(stableName, of: rollout), let weight = NginxCanaryIngress.weight(of: canary, prefix: prefix),
                let desired = try? NginxCanaryIngress.build(from: stable, for: rollout, owner: owner, weight: weight, headerRoute: route),
                NginxCanaryIngress.matches(canary, desired, prefix: prefix)
            else { return .unverified }
            weights.insert(weight)
            let names: Set<String> = route.map { [$0.name] } ?? []
            routes = routes.map { $0.intersection(names) } ?? names
        }
        return RouterObservation(weight: weights.count == 1 ? weights.first : nil, headerRoutes: (routes ?? []).sorted())
    }

    /// Brings every canary Ingress of the rollout to the traffic's weight and header route, creating those
    /// that are missing. NGINX carries one header route and no mirror: more is refused.
    public func setTraffic(_ traffic: TrafficState, for rollout: Rollout) async throws {
        guard let routing = rollout.spec.strategy?.canary?.trafficRouting?.nginx, let owner = owner(of: rollout) else { return }
        if let mirror = traffic.mirrorRoutes.first {
            throw NginxRoutingError.mirrorNotSupported(rollout: rollout.key, route: mirror.name)
        }
        if traffic.headerRoutes.count > 1 {
            throw NginxRoutingError.headerRouteNotExpressible(
                rollout: rollout.key, route: traffic.headerRoutes[1].name, reason: "NGINX carries one header route at a time")
        }
        let weight = traffic.canaryWeight ?? 0
        let prefix = NginxCanaryIngress.prefix(of: routing)
        let namespace = rollout.metadata.namespace ?? ""
        for stableName in NginxCanaryIngress.stableIngresses(of: routing) {
            guard let stable = await ingress(stableName, of: rollout) else {
                throw NginxRoutingError.stableIngressNotFound(rollout: rollout.key, ingress: stableName)
            }
            let desired = try NginxCanaryIngress.build(from: stable, for: rollout, owner: owner, weight: weight, headerRoute: traffic.headerRoutes.first)
            let name = desired.metadata.name ?? ""
            let key = InformerKey(namespace: namespace, name: name)
            guard let current = await caches.ingresses.object(key) else {
                let created: Ingress = try await client.create(.ingresses, namespace: namespace, desired)
                await writer.remember(created, in: caches.ingresses)
                log("created canary ingress", name, weight, rollout)
                continue
            }
            guard current.metadata.controllerReference?.uid == owner.uid else {
                throw NginxRoutingError.canaryIngressTaken(rollout: rollout.key, ingress: name)
            }
            guard !NginxCanaryIngress.matches(current, desired, prefix: prefix) else { continue }
            let found = NginxCanaryIngress.weight(of: current, prefix: prefix).map { "weight \($0)" } ?? "no canary weight"
            try await writer.patch(
                current, in: .ingresses, NginxCanaryIngress.patch(bringing: current, to: desired, prefix: prefix), cache: caches.ingresses,
                for: rollout, restored: "canary Ingress \(name) was changed by someone else (\(found)); put back to weight \(weight)")
        }
    }

    /// Deletes the canary Ingresses the rollout controls (it is fully promoted: all traffic goes to stable).
    public func removeCanaryIngresses(of rollout: Rollout) async throws {
        guard let routing = rollout.spec.strategy?.canary?.trafficRouting?.nginx, let uid = rollout.metadata.uid else { return }
        let namespace = rollout.metadata.namespace ?? ""
        for stableName in NginxCanaryIngress.stableIngresses(of: routing) {
            let key = InformerKey(namespace: namespace, name: NginxCanaryIngress.name(rollout: rollout.name, stableIngress: stableName))
            guard let canary = await caches.ingresses.object(key), canary.metadata.controllerReference?.uid == uid else { continue }
            do {
                try await client.delete(.ingresses, namespace: namespace, name: key.name)
            } catch KubernetesError.notFound {}
            await writer.forget(key, in: caches.ingresses)
            logger.info("removed canary ingress", metadata: ["rollout.name": "\(rollout.key)", "rollout.ingress": "\(key.name)"])
        }
    }

    private func owner(of rollout: Rollout) -> OwnerReference? {
        rollout.metadata.uid.map { resources.ownerReference(toRollout: rollout.name, uid: $0) }
    }

    private func ingress(_ name: String, of rollout: Rollout) async -> Ingress? {
        await caches.ingresses.object(InformerKey(namespace: rollout.metadata.namespace ?? "", name: name))
    }

    private func log(_ message: Logger.Message, _ name: String, _ weight: Int, _ rollout: Rollout) {
        logger.info(message, metadata: ["rollout.name": "\(rollout.key)", "rollout.ingress": "\(name)", "rollout.weight": "\(weight)"])
    }
}
