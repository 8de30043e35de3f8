import Logging
import NIOCore
import TurnoutCore
import TurnoutProxy
import TurnoutRuntime
import TurnoutService

/// The single-host `TrafficRouter`: turns Services, Ingresses, the engine's traffic and the serving replicas
/// into the embedded proxy's listeners and route table, and reads the traffic in effect back from the proxy.
public actor ProxyTrafficRouter: TrafficRouter {
    private let proxy: ProxyServer
    private let store: LocalStore
    private let endpoints: @Sendable () async -> [RevisionEndpoint]
    private let ingressAddress: ListenerConfiguration
    private let logger: Logger
    private var plan: RoutingPlan?
    private var bound: [String: ListenerConfiguration] = [:]
    /// Resyncs take turns, since each awaits the proxy between reading and installing.
    private let resyncGate = SerialGate()

    /// Creates a router over a running proxy; `endpoints` reports every replica with its serving state.
    public init(proxy: ProxyServer, store: LocalStore, ingressAddress: ListenerConfiguration, logger: Logger, endpoints: @escaping @Sendable () async -> [RevisionEndpoint]) {
        self.proxy = proxy
        self.store = store
        self.ingressAddress = ingressAddress
        self.logger = logger
        self.endpoints = endpoints
    }

    public func observedTraffic(for rollout: Rollout) async throws -> TrafficState? {
        let installed = try store.desiredTraffic(forRollout: rollout.name)
        guard let plan, installed != nil else { return nil }
        let routing = RolloutRouting(rollout: rollout, traffic: installed)
        return ObservedTrafficReader.traffic(for: routing, plan: plan, observed: proxy.observedRoutes(), installed: installed)
    }

    public func setTraffic(_ traffic: TrafficState, for rollout: Rollout) async throws {
        if try store.desiredTraffic(forRollout: rollout.name) != traffic {
            try store.saveDesiredTraffic(traffic, forRollout: rollout.name)
        }
        try await resync()
    }

    /// Rebuilds the plan from the store and the replicas and installs it when it changed; one resync at a time.
    public func resync() async throws {
        try await resyncGate.run { try await self.installPlan() }
    }

    private func installPlan() async throws {
        let objects = try store.objects(kind: "Service") + store.objects(kind: "Ingress")
        let kubernetesObjects = objects.compactMap { object -> KubernetesObject? in
            if case .other(let other) = object { return other }
            return nil
        }
        var rollouts: [RolloutRouting] = []
        for rollout in try store.rollouts() {
            rollouts.append(RolloutRouting(rollout: rollout, traffic: try store.desiredTraffic(forRollout: rollout.name)))
        }
        let next = RouteTableBuilder.plan(
            services: kubernetesObjects.compactMap(ServiceDefinition.init),
            ingresses: kubernetesObjects.compactMap { IngressDefinition($0) },
            rollouts: rollouts,
            endpoints: await endpoints(),
            ingressAddress: ingressAddress
        )
        guard next != plan else { return }
        try await reconcileListeners(next.listeners)
        _ = try await proxy.install(next.table)
        plan = next
    }

    /// The address each listener is bound to, for people.
    public func listeners() -> [ListenerView] {
        proxy.listenerAddresses.sorted { $0.key < $1.key }.map { name, address in
            ListenerView(name: name, address: "\(address.ipAddress ?? "127.0.0.1"):\(address.port ?? 0)")
        }
    }

    /// Adds missing listeners (keeping a port once chosen, across daemon restarts) and removes ones no longer wanted.
    private func reconcileListeners(_ wanted: [ListenerConfiguration]) async throws {
        let wantedNames = Set(wanted.map(\.name))
        for name in bound.keys where !wantedNames.contains(name) {
            try await proxy.removeListener(named: name)
            bound[name] = nil
        }
        for listener in wanted {
            if let existing = bound[listener.name], existing == listener || listener.port == 0 { continue }
            if bound[listener.name] != nil { try await proxy.removeListener(named: listener.name) }
            let address = try await bind(listener)
            bound[listener.name] = listener
            if let port = address.port {
                try store.rememberListener(named: listener.name, host: listener.host, port: port)
            }
            logger.info("listening", metadata: ["listener.name": "\(listener.name)", "listener.address": "\(address)"])
        }
    }

    /// Binds a listener; one without a fixed port gets the port it had before when that port is still free.
    private func bind(_ listener: ListenerConfiguration) async throws -> SocketAddress {
        guard listener.port == 0, let remembered = try store.rememberedListener(named: listener.name), remembered.host == listener.host else {
            return try await proxy.addListener(listener)
        }
        do {
            return try await proxy.addListener(ListenerConfiguration(name: listener.name, host: listener.host, port: remembered.port))
        } catch {
            logger.notice("the listener's earlier port is taken; choosing another", metadata: ["listener.name": "\(listener.name)", "listener.port": "\(remembered.port)"])
            return try await proxy.addListener(listener)
        }
    }
}
