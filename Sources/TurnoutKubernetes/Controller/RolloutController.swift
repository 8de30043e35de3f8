import KubernetesClient
import Logging
import TurnoutCore
import TurnoutProviders
import TurnoutRuntime

/// Reconciles the Rollouts of a cluster through the shared engine and driver: informers feed a keyed work
/// queue (a ReplicaSet, pod, AnalysisRun, Job or canary Ingress event wakes the rollout that owns it, a Service
/// or EndpointSlice event the rollouts naming the Service, a stable Ingress or a Deployment event the rollouts
/// naming it), each key is reconciled by `RolloutDriver`, and a
/// decision's own timers (pauses, delays, deadlines, due measurements) requeue it. No periodic resync.
/// Standalone AnalysisRuns (owned by no rollout) are measured under one key per namespace, whose name is empty.
public actor RolloutController {
    /// How it runs.
    public nonisolated let configuration: ControllerConfiguration
    /// The informers.
    public nonisolated let caches: ClusterCaches
    private let client: KubernetesClient
    private let resources: ClusterResources
    private let driver: RolloutDriver
    private let analysisRuns: AnalysisRunDriver
    private let router: ClusterTrafficRouter
    private let events: ClusterEventRecorder
    private let clock: any InstantClock
    private let logger: Logger
    private let metrics: ControllerMetrics
    private var queue: WorkQueue<RolloutKey>?
    /// The last reconcile failure of each rollout, logged once until it changes.
    private var lastErrors: [RolloutKey: String] = [:]

    /// Creates a controller over a client: discovers the EndpointSlice version the server serves.
    public static func make(client: KubernetesClient, configuration: ControllerConfiguration, metrics: ControllerMetrics = ControllerMetrics(), clock: any InstantClock = SystemClock(), logger: Logger) async throws -> RolloutController {
        let discovery = APIDiscovery(client: client)
        guard let slices = try await discovery.resolve(.endpointSlices, preferring: ["v1", "v1beta1"]) else {
            throw ControllerError.endpointSlicesNotServed
        }
        var gatewayRoutes: [GatewayRouteKind: ResourceType] = [:]
        gatewayRoutes[.http] = try await discovery.resolve(.httpRoutes, preferring: ["v1", "v1beta1"])
        gatewayRoutes[.grpc] = try await discovery.resolve(.grpcRoutes, preferring: ["v1", "v1alpha2"])
        let istioVersions = ["v1", "v1beta1", "v1alpha3"]
        var istio: (virtualServices: ResourceType, destinationRules: ResourceType)?
        if let virtualServices = try await discovery.resolve(.virtualServices, preferring: istioVersions),
            let destinationRules = try await discovery.resolve(.destinationRules, preferring: istioVersions) {
            istio = (virtualServices, destinationRules)
        }
        return RolloutController(
            client: client, configuration: configuration, endpointSlices: slices, gatewayRoutes: gatewayRoutes, istio: istio, metrics: metrics, clock: clock, logger: logger)
    }

    private init(
        client: KubernetesClient, configuration: ControllerConfiguration, endpointSlices: ResourceType, gatewayRoutes: [GatewayRouteKind: ResourceType],
        istio: (virtualServices: ResourceType, destinationRules: ResourceType)?, metrics: ControllerMetrics, clock: any InstantClock, logger: Logger
    ) {
        let resources = ClusterResources(group: configuration.group)
        let caches = ClusterCaches(
            client: client, resources: resources, namespace: configuration.namespace, endpointSlices: endpointSlices, gatewayRoutes: gatewayRoutes, istio: istio, logger: logger)
        let events = ClusterEventRecorder(client: client, instance: configuration.identity)
        let store = ClusterRolloutStore(client: client, resources: resources, caches: caches, events: events)
        let prometheus = PrometheusMetricProvider(clock: clock, logger: logger)
        var providers: [String: any MetricProvider] = [
            "prometheus": prometheus,
            "web": WebMetricProvider(logger: logger),
        ]
        let routerMetrics = RouterMetricProvider(address: configuration.prometheusAddress, caches: caches, prometheus: prometheus)
        providers["builtin"] = routerMetrics
        providers["judge"] = routerMetrics
        providers["job"] = ClusterJobMetricProvider(client: client, resources: resources, caches: caches, clock: clock)
        let analysisRuns = AnalysisRunDriver(
            store: ClusterAnalysisRunStore(client: client, resources: resources, caches: caches), templates: store,
            providers: MetricProviders(providers), clock: clock)
        let writer = RouterObjectWriter(client: client, events: events, clock: clock, logger: logger)
        let router = ClusterTrafficRouter(
            services: ServiceSelectorRouter(client: client, caches: caches, logger: logger),
            nginx: NginxIngressRouter(client: client, caches: caches, resources: resources, writer: writer, logger: logger),
            gateway: GatewayAPIRouter(caches: caches, writer: writer),
            istio: IstioRouter(caches: caches, writer: writer))
        self.configuration = configuration
        self.caches = caches
        self.client = client
        self.resources = resources
        self.analysisRuns = analysisRuns
        self.router = router
        self.events = events
        self.clock = clock
        self.logger = logger
        self.metrics = metrics
        driver = RolloutDriver(
            store: store, workloads: ReplicaSetWorkloads(client: client, resources: resources, caches: caches, logger: logger),
            router: router, analysisRuns: analysisRuns, clock: clock, logger: logger)
    }

    /// Lists and watches, then reconciles until the calling task is cancelled.
    public func run() async {
        let caches = caches
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await caches.run() }
            await caches.waitUntilSynced()
            logger.info("caches synced", metadata: ["controller.group": "\(configuration.group.rawValue)"])
            let queue = WorkQueue<RolloutKey>(
                workers: configuration.workers,
                keys: { await caches.rollouts.objects(inNamespace: nil).map(\.key) + Self.standaloneKeys(await caches.analysisRuns.objects(inNamespace: nil)) },
                reconcile: { [weak self] key in try await self?.reconcile(key) })
            self.queue = queue
            group.addTask { await self.forwardRolloutChanges(to: queue) }
            group.addTask { await self.forward(caches.replicaSets.changes(), to: queue) { await self.owningRollouts(of: $0.metadata) } }
            group.addTask { await self.forward(caches.pods.changes(), to: queue) { await self.rolloutsOwning(pod: $0) } }
            group.addTask { await self.forward(caches.analysisRuns.changes(), to: queue) { Self.standaloneKeys([$0]) + self.owningRollouts(of: $0.objectMeta) } }
            group.addTask { await self.forward(caches.jobs.changes(), to: queue) { await self.rolloutsOwning(job: $0) } }
            group.addTask { await self.forward(caches.services.changes(), to: queue) { await self.rolloutsNaming(service: $0.metadata.name ?? "", in: $0.metadata.namespaceOrEmpty) } }
            group.addTask { await self.forward(caches.endpointSlices.changes(), to: queue) { await self.rolloutsNaming(service: $0.serviceName ?? "", in: $0.metadata.namespaceOrEmpty) } }
            group.addTask { await self.forward(caches.ingresses.changes(), to: queue) { await self.rolloutsRouting(through: $0) } }
            for routes in caches.gatewayRoutes.values {
                group.addTask { await self.forward(routes.routes.changes(), to: queue) { await caches.rollouts(namingGatewayRoute: $0.metadata.name ?? "", inNamespace: $0.metadata.namespaceOrEmpty).map(\.key) } }
            }
            if let istio = caches.istio {
                for informer in [istio.virtualServices, istio.destinationRules] {
                    group.addTask { await self.forward(informer.changes(), to: queue) { await caches.rollouts(namingIstioObject: $0.metadata.name ?? "", inNamespace: $0.metadata.namespaceOrEmpty).map(\.key) } }
                }
            }
            group.addTask { await self.forward(caches.deployments.changes(), to: queue) { await caches.rollouts(referencing: $0.metadata.name ?? "", inNamespace: $0.metadata.namespaceOrEmpty).map(\.key) } }
            group.addTask { await queue.run() }
            await withTaskCancellationHandler {
                await group.next()
            } onCancel: {
                Task { await queue.stop() }
            }
            group.cancelAll()
        }
    }

    /// Whether the caches have listed once (the controller is ready).
    public func isReady() async -> Bool {
        queue != nil
    }

    // MARK: Reconciling

    /// One look at a rollout; returns seconds until the next look.
    func reconcile(_ key: RolloutKey) async throws -> Double? {
        let started = ContinuousClock.now
        defer { metrics.recordReconcile(duration: ContinuousClock.now - started) }
        if let queue { metrics.recordQueueDepth(await queue.depth()) }
        do {
            if key.name.isEmpty { return try await measureStandaloneRuns(in: key) }
            let decision = try await driver.reconcile(key)
            if lastErrors.removeValue(forKey: key) != nil {
                logger.info("reconcile succeeded again", metadata: ["rollout.name": "\(key)"])
            }
            guard let decision else { return nil }
            metrics.recordPhase(decision.status.phase?.rawValue ?? "Unknown", of: key)
            var next = decision.requeueAfter
            if let due = try await analysisRuns.nextMeasurement(ofRollout: key) {
                let seconds = due.secondsSinceEpoch - clock.now().secondsSinceEpoch
                next = min(next ?? .infinity, max(0.05, seconds))
            }
            return next.map { max(0.05, $0) }
        } catch where RetryReason(of: error) != nil {
            throw error
        } catch {
            let message = "\(error)"
            if lastErrors[key] != message {
                logger.error("reconcile: \(message)", metadata: ["rollout.name": "\(key)"])
                await announce(RolloutEvent(.reconcileFailed, message, isWarning: true), about: key)
            }
            lastErrors[key] = message
            throw error
        }
    }

    /// Records an Event about a rollout; a failure to record it is logged, not thrown.
    private func announce(_ event: RolloutEvent, about key: RolloutKey) async {
        guard let rollout = await caches.rollout(key) else { return }
        do {
            try await events.record([event], about: rollout, at: clock.now())
        } catch {
            logger.warning("record event: \(error)", metadata: ["rollout.name": "\(key)"])
        }
    }

    /// Takes the due measurements of a namespace's standalone runs; returns seconds until the next one.
    private func measureStandaloneRuns(in key: RolloutKey) async throws -> Double? {
        try await analysisRuns.measureDue(ofRollout: key)
        guard let due = try await analysisRuns.nextMeasurement(ofRollout: key) else { return nil }
        return max(0.05, due.secondsSinceEpoch - clock.now().secondsSinceEpoch)
    }

    // MARK: Mapping changes to rollouts

    /// The standalone-run key of each namespace with a run no rollout owns.
    private static func standaloneKeys(_ runs: [ClusterAnalysisRun]) -> [RolloutKey] {
        Set(runs.filter { $0.rolloutName == nil }.map { RolloutKey(namespace: $0.objectMeta.namespaceOrEmpty, name: "") }).sorted()
    }

    private func forwardRolloutChanges(to queue: WorkQueue<RolloutKey>) async {
        for await change in await caches.rollouts.changes() {
            switch change {
            case .added(let rollout), .modified(_, let rollout):
                await queue.add(rollout.key)
            case .deleted(let rollout):
                metrics.forget(rollout.key)
                do {
                    try await router.release(rolloutNamed: rollout.name, namespace: rollout.metadata.namespace ?? "")
                } catch {
                    logger.error("release the Services of a deleted rollout: \(error)", metadata: ["rollout.name": "\(rollout.key)"])
                }
            case .synced:
                await queue.wake(nil)
            }
        }
    }

    private func forward<Object: InformerObject>(_ changes: AsyncStream<InformerChange<Object>>, to queue: WorkQueue<RolloutKey>, keys: @Sendable (Object) async -> [RolloutKey]) async {
        for await change in changes {
            var objects: [Object] = []
            switch change {
            case .added(let object), .deleted(let object): objects = [object]
            case .modified(let old, let new): objects = [new] + (old.map { [$0] } ?? [])
            case .synced: continue
            }
            var woken = Set<RolloutKey>()
            for object in objects { woken.formUnion(await keys(object)) }
            for key in woken { await queue.add(key) }
        }
    }

    private nonisolated func owningRollouts(of metadata: ClusterObjectMeta) -> [RolloutKey] {
        guard let owner = metadata.controllerReference, owner.kind == "Rollout" else { return [] }
        return [RolloutKey(namespace: metadata.namespaceOrEmpty, name: owner.name)]
    }

    private func rolloutsOwning(pod: Pod) async -> [RolloutKey] {
        guard let owner = pod.metadata.controllerReference, owner.kind == "ReplicaSet",
              let replicaSet = await caches.replicaSets.object(InformerKey(namespace: pod.metadata.namespaceOrEmpty, name: owner.name)) else { return [] }
        return owningRollouts(of: replicaSet.metadata)
    }

    private func rolloutsOwning(job: Job) async -> [RolloutKey] {
        guard let owner = job.metadata.controllerReference, owner.kind == "AnalysisRun",
              let run = await caches.analysisRuns.object(InformerKey(namespace: job.metadata.namespaceOrEmpty, name: owner.name)) else { return [] }
        return Self.standaloneKeys([run]) + owningRollouts(of: run.objectMeta)
    }

    private func rolloutsNaming(service: String, in namespace: String) async -> [RolloutKey] {
        guard !service.isEmpty else { return [] }
        return await caches.rollouts(namingService: service, inNamespace: namespace).map(\.key)
    }

    /// The rollout that owns a canary Ingress, and those that name it as their stable Ingress.
    private func rolloutsRouting(through ingress: Ingress) async -> [RolloutKey] {
        let namespace = ingress.metadata.namespaceOrEmpty
        return await owningRollouts(of: ingress.metadata) + caches.rollouts(namingIngress: ingress.metadata.name ?? "", inNamespace: namespace).map(\.key)
    }
}

/// Why the controller cannot start.
public enum ControllerError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The API server serves no EndpointSlice version Turnout reads.
    case endpointSlicesNotServed

    public var description: String {
        switch self {
        case .endpointSlicesNotServed:
            return "start the controller: the API server serves neither discovery.k8s.io/v1 nor v1beta1 EndpointSlices (Kubernetes 1.20 or later is needed)"
        }
    }
}
