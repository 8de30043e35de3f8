import Logging
import NIOCore

/// Everything one event loop owns: its copy of the route table, its upstream connection pools, its metrics shards
/// and its client connections. Confined to the loop, so the request path takes no locks.
final class LoopContext {
    /// The loop.
    let eventLoop: any EventLoop
    /// The server's settings.
    let configuration: ProxyConfiguration
    /// The logger (metadata keys `listener.name`, `upstream.address`, ...).
    let logger: Logger
    /// Opens upstream connections on this loop.
    let connector: UpstreamConnector
    /// Set by `shutdown`: connections close after their current exchange.
    var isShuttingDown = false
    /// Changes whenever the table changes, so handlers can cache their listener's routes.
    private(set) var version = 0
    private(set) var installed: InstalledTable?
    private var listenerRoutes: [String: ListenerRoutes] = [:]
    private var slots: [ObjectIdentifier: LoopUpstream] = [:]
    /// Upstreams that left the table and still have open connections.
    private var drainingSlots: [LoopUpstream] = []
    private var metricShards: [MetricLabels: RevisionMetrics] = [:]
    private var clients: [ObjectIdentifier: ProxyHandler] = [:]
    private var freedMemory = FreedMemoryReturn()

    /// Creates the context for `eventLoop`.
    init(eventLoop: any EventLoop, configuration: ProxyConfiguration, logger: Logger) {
        self.eventLoop = eventLoop
        self.configuration = configuration
        self.logger = logger
        self.connector = UpstreamConnector(eventLoop: eventLoop, connectTimeout: configuration.timeouts.upstreamConnect.timeAmount)
    }

    /// The routes of `listener` in the current table (built on first use after each install).
    func routes(forListener listener: String) -> ListenerRoutes {
        if let routes = listenerRoutes[listener] { return routes }
        let routes = buildRoutes(listener: listener)
        listenerRoutes[listener] = routes
        return routes
    }

    /// The metrics shard of a series on this loop (created on first use, kept across tables).
    func metrics(_ labels: MetricLabels) -> RevisionMetrics {
        if let shard = metricShards[labels] { return shard }
        let shard = RevisionMetrics(labels: labels)
        metricShards[labels] = shard
        return shard
    }

    /// Copies of every shard on this loop.
    func metricsSnapshot() -> [RevisionMetricsSnapshot] {
        metricShards.values.map { $0.snapshot() }
    }

    /// Requests in flight on this loop.
    var inFlight: Int { metricShards.values.reduce(0) { $0 + $1.inFlight } }

    /// Open client connections on this loop.
    var clientCount: Int { clients.count }

    /// Open and busy upstream connections per address on this loop (for `observedRoutes`).
    func connectionCounts() -> [UpstreamAddress: (open: Int, busy: Int)] {
        var counts: [UpstreamAddress: (open: Int, busy: Int)] = [:]
        for slot in slots.values { counts[slot.upstream.address] = (slot.openCount, slot.busyCount) }
        return counts
    }

    /// Connections to `address` in use by a request, including upstreams that left the table and are draining.
    func busyConnections(to address: UpstreamAddress) -> Int {
        drainingSlots.removeAll { $0.openCount == 0 }
        return (slots.values + drainingSlots).filter { $0.upstream.address == address }.reduce(0) { $0 + $1.busyCount }
    }

    /// Records a client connection (for shutdown).
    func clientOpened(_ handler: ProxyHandler) {
        clients[ObjectIdentifier(handler)] = handler
    }

    /// Forgets a client connection.
    func clientClosed(_ handler: ProxyHandler) {
        clients[ObjectIdentifier(handler)] = nil
        freedMemory.clientClosed(remaining: clients.count)
    }

    /// Starts a graceful shutdown on this loop: idle client connections close now, busy ones after their exchange.
    func beginShutdown() {
        isShuttingDown = true
        for client in clients.values { client.closeIfIdle() }
    }

    /// Closes every client connection now.
    func closeAllClients() {
        for client in clients.values { client.closeNow() }
    }

    /// Switches this loop to `table` unless it already has a newer one; upstreams that left the table start draining.
    func install(_ table: InstalledTable) {
        if let installed, installed.generation >= table.generation { return }
        installed = table
        version += 1
        var newSlots: [ObjectIdentifier: LoopUpstream] = [:]
        for upstream in table.upstreams.values {
            let key = ObjectIdentifier(upstream)
            newSlots[key] = slots[key] ?? LoopUpstream(upstream: upstream, maxIdle: configuration.maxIdleConnectionsPerUpstream)
        }
        let removed = slots.filter { newSlots[$0.key] == nil }.map(\.value)
        slots = newSlots
        for slot in removed {
            slot.startDraining()
            guard slot.openCount > 0 else { continue }
            drainingSlots.append(slot)
            logger.info("draining upstream", metadata: ["upstream.address": "\(slot.upstream.address)", "upstream.busy": "\(slot.busyCount)"])
            eventLoop.assumeIsolated().scheduleTask(in: table.table.drainTimeout.timeAmount) {
                if slot.openCount > 0 {
                    self.logger.warning("drain timeout: closing connections", metadata: ["upstream.address": "\(slot.upstream.address)", "upstream.open": "\(slot.openCount)"])
                }
                slot.closeAll()
            }
        }
        let listeners = Array(listenerRoutes.keys)
        listenerRoutes = [:]
        for listener in listeners { listenerRoutes[listener] = buildRoutes(listener: listener) }
        pruneMetrics(keeping: table.table)
    }

    /// Drops the shards of revisions the table no longer routes to (once idle), so metrics do not grow forever.
    private func pruneMetrics(keeping table: RouteTable) {
        var wanted: Set<String> = []
        for route in table.routes {
            wanted.insert("\(route.name)\u{0}\(route.split.stable.revision)")
            if let canary = route.split.canary { wanted.insert("\(route.name)\u{0}\(canary.revision)") }
        }
        metricShards = metricShards.filter { labels, shard in
            labels.route == "-" || shard.inFlight > 0 || wanted.contains("\(labels.route)\u{0}\(labels.revision)")
        }
    }

    private func buildRoutes(listener: String) -> ListenerRoutes {
        guard let installed else { return ListenerRoutes(version: version, lookup: RouteLookup([])) }
        var items: [(hosts: [String], pathPrefix: String, payload: LoopRoute)] = []
        for route in installed.table.routes where route.listener == nil || route.listener == listener {
            do {
                items.append((route.hosts, route.pathPrefix, try makeRoute(route, listener: listener, installed: installed)))
            } catch {
                logger.error("skip route: it does not compile", metadata: ["route.name": "\(route.name)", "error": "\(error)"])
            }
        }
        return ListenerRoutes(version: version, lookup: RouteLookup(items))
    }

    private func makeRoute(_ route: Route, listener: String, installed: InstalledTable) throws -> LoopRoute {
        func pool(_ pool: UpstreamPool) -> LoopPool {
            let members = pool.upstreams.compactMap { address in
                installed.upstreams[address].flatMap { slots[ObjectIdentifier($0)] }
            }
            return LoopPool(revision: pool.revision, members: members, metrics: metrics(MetricLabels(listener: listener, route: route.name, revision: pool.revision)))
        }
        return LoopRoute(
            name: route.name,
            selector: try SplitSelector(route.split),
            stable: pool(route.split.stable),
            canary: route.split.canary.map(pool),
            mirror: try route.split.mirror.map(MirrorRule.init)
        )
    }
}

/// The routes of one listener on one loop, tagged with the table version they were built from.
final class ListenerRoutes {
    /// The loop's table version when built.
    let version: Int
    /// The host and path lookup.
    let lookup: RouteLookup<LoopRoute>

    /// Creates the routes.
    init(version: Int, lookup: RouteLookup<LoopRoute>) {
        self.version = version
        self.lookup = lookup
    }
}
