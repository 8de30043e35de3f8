import Foundation
import Logging
import TurnoutCore
import TurnoutProxy
import TurnoutRuntime
import TurnoutService

/// The single-host runtime: the engine driven against local processes, the embedded proxy and SQLite state.
///
/// `start` takes the state directory's lock, opens the store, starts the proxy, re-adopts the replicas an
/// earlier daemon left running (they get traffic only after their readiness probe passes again), and begins
/// reconciling every rollout: when something changes (an apply, an operation, a replica's readiness) and when
/// a decision asks to be looked at again. All state changes go through the store, one transaction each, so a
/// crash at any moment loses nothing: the next `start` resumes every rollout where it was.
public actor LocalRuntime {
    /// The label every replica carries with its revision's hash, as Argo Rollouts sets on pods.
    public static let podTemplateHashLabel = "rollouts-pod-template-hash"

    /// How the runtime runs.
    public nonisolated let configuration: LocalRuntimeConfiguration
    let logger: Logger
    let store: LocalStore
    let proxy: ProxyServer
    let supervisor: ProcessSupervisor
    let router: ProxyTrafficRouter
    let analysisRuns: LocalAnalysisRuns
    let driver: RolloutDriver
    /// Looks at every rollout by name: when woken, when a decision asks, and every resync interval.
    let loop: WorkQueue<String>
    /// Reconciles, operations and deletes take turns, so none acts on a rollout another has just changed.
    let rolloutGate = SerialGate()
    private let lock: StateDirectoryLock
    /// Routes to changed replicas and wakes their rollout.
    private var endpointWatcher: Task<Void, Never>?
    /// Runs the reconcile loop.
    private var reconciler: Task<Void, Never>?
    /// Measures AnalysisRuns applied on their own.
    private var standaloneRuns: Task<Void, Never>?
    /// Work started by requests that must end before the store closes.
    var background: [Task<Void, Never>] = []
    /// The last reconcile failure of each rollout, shown in its view until a reconcile succeeds.
    var reconcileErrors: [String: String] = [:]
    /// Subscribers of `watch`, pinged when their rollout may have changed.
    var watchers: [UInt64: (rollout: String, ping: AsyncStream<Void>.Continuation)] = [:]
    var nextWatcherID: UInt64 = 0
    /// Set by `stop`: requests fail from then on, and the store is closed.
    private(set) var isStopped = false

    /// Starts the runtime; throws `LocalRuntimeError` when the state directory is locked or a part fails to start.
    public static func start(_ configuration: LocalRuntimeConfiguration, logger: Logger) async throws -> LocalRuntime {
        let store: LocalStore
        do {
            store = try LocalStore(directory: configuration.stateDirectory, clock: configuration.clock)
        } catch {
            throw LocalRuntimeError.startFailed(action: "open state in \(configuration.stateDirectory.path)", reason: "\(error)")
        }
        let lock: StateDirectoryLock
        do {
            lock = try StateDirectoryLock(directory: configuration.stateDirectory)
        } catch {
            try? store.close()
            throw error
        }
        let proxy = ProxyServer(configuration: ProxyConfiguration(threads: configuration.proxyThreads), logger: logger)
        do {
            try await proxy.start()
        } catch {
            lock.release()
            try? store.close()
            throw LocalRuntimeError.startFailed(action: "start the proxy", reason: "\(error)")
        }
        let runtime = LocalRuntime(configuration: configuration, store: store, proxy: proxy, lock: lock, logger: logger)
        await runtime.begin()
        return runtime
    }

    private init(configuration: LocalRuntimeConfiguration, store: LocalStore, proxy: ProxyServer, lock: StateDirectoryLock, logger: Logger) {
        self.configuration = configuration
        self.logger = logger
        self.store = store
        self.proxy = proxy
        self.lock = lock
        var supervisorConfiguration = ProcessSupervisorConfiguration.standard(
            stateDirectory: configuration.stateDirectory, turnoutBinary: configuration.turnoutBinary, images: configuration.images)
        supervisorConfiguration.drainTimeoutSeconds = configuration.drainTimeoutSeconds
        let supervisor = ProcessSupervisor(store: store, configuration: supervisorConfiguration, clock: configuration.clock, logger: logger) { address in
            await Self.waitUntilDrained(address, proxy: proxy)
        }
        self.supervisor = supervisor
        router = ProxyTrafficRouter(proxy: proxy, store: store, ingressAddress: configuration.ingressAddress, logger: logger) {
            await Self.routableEndpoints(store: store, supervisor: supervisor)
        }
        var providers = configuration.metricProviders(proxy)
        providers["job"] = providers["job"] ?? JobMetricProvider()
        analysisRuns = LocalAnalysisRuns(store: store, providers: providers, clock: configuration.clock)
        driver = RolloutDriver(store: store, workloads: supervisor, router: router, analysisRuns: analysisRuns, clock: configuration.clock, logger: logger)
        // The loop calls back into the runtime, which exists only once the loop does: `Reference` breaks the cycle.
        let reference = Reference<LocalRuntime>()
        loop = WorkQueue(
            workers: 1, clock: ContinuousWorkQueueClock(), policy: .standard, resyncInterval: configuration.resyncIntervalSeconds,
            keys: { (try? store.rollouts().map(\.name)) ?? [] },
            reconcile: { name in try await reference.value?.reconcile(name) }
        )
        reference.value = self
    }

    /// Re-adopts replicas, binds the listeners and starts the reconcile loop and the endpoint watcher.
    private func begin() async {
        do {
            try await supervisor.adopt()
        } catch {
            logger.error("re-adopting replicas: \(error)")
        }
        do {
            try await router.resync()
        } catch {
            logger.error("binding listeners: \(error)")
        }
        let changes = await supervisor.endpointChanges()
        endpointWatcher = Task { [weak self] in
            for await change in changes {
                await self?.endpointsChanged(change.rollout)
            }
        }
        let loop = loop
        reconciler = Task { await loop.run() }
        let (analysisRuns, logger, interval) = (analysisRuns, logger, configuration.resyncIntervalSeconds)
        standaloneRuns = Task {
            while !Task.isCancelled {
                do {
                    try await analysisRuns.measureStandaloneRuns()
                } catch {
                    logger.error("measure analysis runs: \(error)")
                }
                try? await Task.sleep(for: .seconds(interval))
            }
        }
    }

    /// Stops reconciling, stops (or, when configured so, leaves running) every replica, closes the proxy and the store.
    public func stop() async {
        guard !isStopped else { return }
        isStopped = true
        // The reconcile loop stops first; the endpoint watcher keeps routing while replicas drain and stop.
        reconciler?.cancel()
        standaloneRuns?.cancel()
        await loop.stop()
        await reconciler?.value
        await standaloneRuns?.value
        if configuration.stopsReplicasOnShutdown {
            await supervisor.stopAll()
        } else {
            await supervisor.detach()
        }
        endpointWatcher?.cancel()
        await endpointWatcher?.value
        for task in background { task.cancel() }
        for task in background { await task.value }
        for watcher in watchers.values { watcher.ping.finish() }
        watchers = [:]
        await proxy.shutdown()
        try? store.close()
        lock.release()
    }

    /// Where every Service and the ingress listener accept traffic.
    public func listenerAddresses() async -> [ListenerView] {
        await router.listeners()
    }

    // MARK: Reconciling

    /// One look at a rollout; returns seconds until the next look (`nil`: at the next wake or resync).
    /// Throws to have the work queue retry with backoff: silently for a retryable error (a conflict with an
    /// operation, a busy database), logged and shown in the rollout's view for any other.
    func reconcile(_ name: String) async throws -> Double? {
        do {
            let (driver, key) = (driver, store.key(named: name))
            let decision = try await rolloutGate.run { try await driver.reconcile(key) }
            reconcileErrors[name] = nil
            notifyWatchers(of: name)
            return decision?.requeueAfter.map { max(0.05, $0) }
        } catch where RetryReason(of: error) != nil {
            throw error
        } catch where (try? store.rollout(named: name)) == nil {
            return nil
        } catch {
            let message = "\(error)"
            if reconcileErrors[name] != message {
                logger.error("reconcile: \(message)", metadata: ["rollout.name": "\(name)"])
            }
            reconcileErrors[name] = message
            notifyWatchers(of: name)
            throw error
        }
    }

    /// A rollout's replicas changed: route to the serving ones, then look at the rollout.
    private func endpointsChanged(_ rollout: String) async {
        do {
            try await router.resync()
        } catch {
            logger.error("route to changed replicas: \(error)", metadata: ["rollout.name": "\(rollout)"])
        }
        await loop.wake(rollout)
        notifyWatchers(of: rollout)
    }

    // MARK: Data plane

    /// Every replica of every rollout with its labels, serving or not, for the router.
    static func routableEndpoints(store: LocalStore, supervisor: ProcessSupervisor) async -> [RevisionEndpoint] {
        var endpoints: [RevisionEndpoint] = []
        for rollout in (try? store.rollouts()) ?? [] {
            let targets = (try? store.revisionTargets(forRollout: rollout.name)) ?? []
            for revision in await supervisor.endpoints(ofRollout: rollout.name) {
                var labels = targets.first { $0.hash == revision.revisionHash }?.template.metadata?.labels ?? [:]
                labels[Self.podTemplateHashLabel] = revision.revisionHash
                for endpoint in revision.endpoints {
                    guard let address = UpstreamAddress(parsing: endpoint.address) else { continue }
                    endpoints.append(RevisionEndpoint(
                        rollout: rollout.name, revisionHash: revision.revisionHash, labels: labels,
                        host: address.host, port: address.port, isServing: endpoint.acceptsNewRequests))
                }
            }
        }
        return endpoints
    }

    /// Returns once the proxy routes nothing new to `address` and no request to it is in flight.
    static func waitUntilDrained(_ address: String, proxy: ProxyServer) async {
        guard let upstream = UpstreamAddress(parsing: address) else { return }
        while !Task.isCancelled {
            let isRouted = proxy.routeTable?.routes.contains { route in
                route.split.stable.upstreams.contains(upstream) || (route.split.canary?.upstreams.contains(upstream) ?? false)
            } ?? false
            if !isRouted, await proxy.busyConnections(to: upstream) == 0 { return }
            try? await Task.sleep(for: .milliseconds(10))
        }
    }
}

extension LocalRuntime: RuntimeService {}
