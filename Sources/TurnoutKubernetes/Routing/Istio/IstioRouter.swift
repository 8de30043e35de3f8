import KubernetesClient
import TurnoutCore
import TurnoutRuntime

/// Weights, header and mirror routes through Istio (`trafficRouting.istio`): the HTTP routes of each
/// VirtualService are rewritten as `IstioRouteRules` says, and with a DestinationRule (subset-split) its
/// canary and stable subsets select the revisions by their hash label. Everything is read back from the
/// watch before a step counts; an object changed by someone else is put back, with an Event.
public actor IstioRouter {
    private let caches: ClusterCaches
    private let writer: RouterObjectWriter

    /// Creates the router.
    public init(caches: ClusterCaches, writer: RouterObjectWriter) {
        self.caches = caches
        self.writer = writer
    }

    /// Reads the rollout's VirtualServices back: the weight all carry, the header and mirror routes all carry.
    public func observed(for rollout: Rollout) async -> RouterObservation {
        guard let routing = rollout.spec.strategy?.canary?.trafficRouting?.istio, let informer = caches.istio?.virtualServices else { return .unverified }
        let rules = IstioRouteRules(rollout)
        var observations: [RouterObservation] = []
        for service in routing.allVirtualServices {
            guard let object = await informer.object(key(service.name, rollout)) else { return .unverified }
            observations.append(Self.observed(object, service, rules))
        }
        return RouterObservation.combined(observations) ?? .unverified
    }

    /// The revisions the DestinationRule's stable and canary subsets select, read back; `nil` without one.
    public func subsetPins(for rollout: Rollout) async -> (stable: String?, canary: String?)? {
        guard let rule = rollout.spec.strategy?.canary?.trafficRouting?.istio?.destinationRule,
            let object = await caches.istio?.destinationRules.object(key(rule.name, rollout))
        else { return nil }
        let subsets = object.spec?["subsets"]?.arrayValue ?? []
        func hash(_ name: String) -> String? {
            subsets.first { $0["name"]?.stringValue == name }?[path: ["labels", ClusterMetadata.podTemplateHash]]?.stringValue
        }
        return (hash(rule.stableSubsetName), hash(rule.canarySubsetName))
    }

    /// Points the DestinationRule's subsets at the traffic's revisions, then rewrites every VirtualService
    /// whose routes do not carry the traffic asked for.
    public func setTraffic(_ traffic: TrafficState, for rollout: Rollout) async throws {
        guard let routing = rollout.spec.strategy?.canary?.trafficRouting?.istio else { return }
        guard let istio = caches.istio else { throw IstioRoutingError.notServed }
        if let rule = routing.destinationRule { try await setSubsets(rule, traffic, rollout, istio) }
        let rules = IstioRouteRules(rollout)
        let weight = traffic.canaryWeight ?? 0
        let wanted = RouterObservation(weight: weight, headerRoutes: traffic.headerRoutes.map(\.name).sorted(), mirrorRoutes: traffic.mirrorRoutes.map(\.name).sorted())
        for service in routing.allVirtualServices {
            let key = key(service.name, rollout)
            guard let object = await istio.virtualServices.object(key) else { throw IstioRoutingError.notFound(kind: "VirtualService", namespace: key.namespace, name: key.name) }
            let http = object.spec?["http"]?.arrayValue ?? []
            let (tls, tcp) = (object.spec?["tls"]?.arrayValue ?? [], object.spec?["tcp"]?.arrayValue ?? [])
            let (tlsSelectors, tcpSelectors) = (Self.selectors(service.tlsRoutes), Self.selectors(service.tcpRoutes))
            let names = service.routes ?? []
            guard !(http.isEmpty && tls.isEmpty && tcp.isEmpty) else { throw IstioRoutingError.noRouteForServices(virtualService: key.name, routes: names) }
            let observed = Self.observed(object, service, rules)
            guard observed != wanted else { continue }
            var spec: [String: KubernetesJSON] = [:]
            if !http.isEmpty {
                spec["http"] = .array(try rules.routes(http, named: names, weight: weight, headerRoutes: traffic.headerRoutes, mirrorRoutes: traffic.mirrorRoutes, service: key.name))
            }
            if !tls.isEmpty { spec["tls"] = .array(try rules.layer4Routes(tls, selectors: tlsSelectors, weight: weight, kind: "tls", service: key.name)) }
            if !tcp.isEmpty { spec["tcp"] = .array(try rules.layer4Routes(tcp, selectors: tcpSelectors, weight: weight, kind: "tcp", service: key.name)) }
            let found = observed.weight.map { "canary weight \($0)" } ?? "weights that do not add up"
            try await writer.patch(
                object, in: istio.virtualServiceResource, RouterObjectWriter.specPatch(spec, readAt: object.metadata.resourceVersion),
                cache: istio.virtualServices, for: rollout, restored: "VirtualService \(key.name) was changed by someone else (\(found)); put back to canary weight \(weight)")
        }
    }

    private func setSubsets(_ rule: IstioDestinationRule, _ traffic: TrafficState, _ rollout: Rollout, _ istio: ClusterCaches.IstioInformers) async throws {
        let key = key(rule.name, rollout)
        guard let object = await istio.destinationRules.object(key) else { throw IstioRoutingError.notFound(kind: "DestinationRule", namespace: key.namespace, name: key.name) }
        var subsets = object.spec?["subsets"]?.arrayValue ?? []
        for (name, hash) in [(rule.stableSubsetName, traffic.stable), (rule.canarySubsetName, traffic.canary)] {
            guard let index = subsets.firstIndex(where: { $0["name"]?.stringValue == name }) else {
                throw IstioRoutingError.subsetMissing(destinationRule: key.name, subset: name)
            }
            if let hash { subsets[index] = subsets[index].replacing(["labels", ClusterMetadata.podTemplateHash], with: .string(hash)) }
        }
        guard .array(subsets) != object.spec?["subsets"] else { return }
        try await writer.patch(
            object, in: istio.destinationRuleResource, RouterObjectWriter.specPatch(["subsets": .array(subsets)], readAt: object.metadata.resourceVersion),
            cache: istio.destinationRules, for: rollout, restored: "DestinationRule \(key.name) was changed by someone else; its subsets were put back")
    }

    /// What one VirtualService carries: the weight its HTTP, TLS and TCP routes agree on, its managed routes.
    private static func observed(_ object: IstioObject, _ service: IstioVirtualService, _ rules: IstioRouteRules) -> RouterObservation {
        let http = object.spec?["http"]?.arrayValue ?? []
        var observation = http.isEmpty ? RouterObservation(weight: nil) : rules.observed(http, named: service.routes ?? [])
        let weights = (http.isEmpty ? [] : [observation.weight])
            + rules.layer4Weights(object.spec?["tls"]?.arrayValue ?? [], selectors: selectors(service.tlsRoutes))
            + rules.layer4Weights(object.spec?["tcp"]?.arrayValue ?? [], selectors: selectors(service.tcpRoutes))
        observation.weight = Set(weights).count == 1 ? weights.first ?? nil : nil
        return observation
    }

    /// The TLS or TCP route selectors of a VirtualService reference (`tlsRoutes`, `tcpRoutes`, kept as written).
    private static func selectors(_ written: JSONValue?) -> [IstioRouteRules.Layer4Selector] {
        written.flatMap { try? $0.decoded(as: [IstioRouteRules.Layer4Selector].self) } ?? []
    }

    private func key(_ name: String, _ rollout: Rollout) -> InformerKey {
        InformerKey(namespace: rollout.metadata.namespace ?? "", name: name)
    }
}
