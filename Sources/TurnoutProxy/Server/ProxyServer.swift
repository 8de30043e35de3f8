import Logging
import NIOCore
import NIOPosix
import Synchronization

/// The embedded reverse proxy: listeners, a route table installed atomically on every event loop, health checks,
/// draining, and per-revision metrics.
///
/// Thread-safe; every method may be called from any task. Each event loop owns its client connections, its own
/// copy of the table and its own upstream connection pools, so a request never changes threads or takes a lock.
public final class ProxyServer: Sendable {
    /// The configuration it was created with.
    public let configuration: ProxyConfiguration
    let group: MultiThreadedEventLoopGroup
    private let ownsGroup: Bool
    let logger: Logger
    let loops: [LoopBox]
    private let loopsByIdentity: [ObjectIdentifier: NIOLoopBoundBox<LoopContext>]
    let registry: UpstreamRegistry
    let installGate = SerialGate()
    let state = Mutex(ServerState())

    struct ServerState {
        var listeners: [String: (configuration: ListenerConfiguration, channel: any Channel)] = [:]
        var installed: InstalledTable?
        var nextGeneration: UInt64 = 1
        var isStopped = false
    }

    /// An event loop and the context it owns.
    struct LoopBox: Sendable {
        let eventLoop: any EventLoop
        let context: NIOLoopBoundBox<LoopContext>
    }

    /// Creates a server with its own event loop group of `configuration.threads` threads (shut down by `shutdown()`).
    public convenience init(configuration: ProxyConfiguration, logger: Logger = Logger(label: "turnout.proxy")) {
        self.init(configuration: configuration, group: MultiThreadedEventLoopGroup(numberOfThreads: max(1, configuration.threads)), ownsGroup: true, logger: logger)
    }

    /// Creates a server on an existing group (left running by `shutdown()`).
    public convenience init(configuration: ProxyConfiguration, group: MultiThreadedEventLoopGroup, logger: Logger = Logger(label: "turnout.proxy")) {
        self.init(configuration: configuration, group: group, ownsGroup: false, logger: logger)
    }

    private init(configuration: ProxyConfiguration, group: MultiThreadedEventLoopGroup, ownsGroup: Bool, logger: Logger) {
        self.configuration = configuration
        self.group = group
        self.ownsGroup = ownsGroup
        self.logger = logger
        var loops: [LoopBox] = []
        var byIdentity: [ObjectIdentifier: NIOLoopBoundBox<LoopContext>] = [:]
        for eventLoop in group.makeIterator() {
            let context = NIOLoopBoundBox.makeBoxSendingValue(
                LoopContext(eventLoop: eventLoop, configuration: configuration, logger: logger), eventLoop: eventLoop
            )
            loops.append(LoopBox(eventLoop: eventLoop, context: context))
            byIdentity[ObjectIdentifier(eventLoop)] = context
        }
        self.loops = loops
        self.loopsByIdentity = byIdentity
        self.registry = UpstreamRegistry(group: group, logger: logger)
    }

    // MARK: Listeners

    /// Binds every configured listener.
    public func start() async throws {
        for listener in configuration.listeners {
            _ = try await addListener(listener)
        }
    }

    /// Binds one more listener and returns the address it is bound to (with the real port when 0 was asked).
    @discardableResult
    public func addListener(_ listener: ListenerConfiguration) async throws -> SocketAddress {
        try state.withLock { state throws(ProxyError) in
            if state.isStopped { throw ProxyError.notRunning }
            if state.listeners[listener.name] != nil { throw ProxyError.duplicateListener(listener.name) }
        }
        let contexts = loopsByIdentity
        let name = listener.name
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(.backlog, value: 1024)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            // One socket read per readiness event: what a client's read brings in beyond what the proxy takes waits
            // raw in the read gate, so one read (at most 64 KiB) bounds it.
            .childChannelOption(.maxMessagesPerRead, value: 1)
            .childChannelOption(.allowRemoteHalfClosure, value: true)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    guard let box = contexts[ObjectIdentifier(channel.eventLoop)] else {
                        throw ProxyError.notRunning
                    }
                    try ProxyHandler.configure(channel.pipeline.syncOperations, loop: box.value, listener: name)
                }
            }
        let channel: any Channel
        do {
            channel = try await bootstrap.bind(host: listener.host, port: listener.port).get()
        } catch {
            throw ProxyError.bindFailed(listener: listener.name, address: "\(listener.host):\(listener.port)", reason: "\(error)")
        }
        guard let address = channel.localAddress else {
            try? await channel.close()
            throw ProxyError.bindFailed(listener: listener.name, address: "\(listener.host):\(listener.port)", reason: "no local address")
        }
        let duplicate = state.withLock { state -> Bool in
            if state.listeners[listener.name] != nil { return true }
            state.listeners[listener.name] = (listener, channel)
            return false
        }
        if duplicate {
            try? await channel.close()
            throw ProxyError.duplicateListener(listener.name)
        }
        logger.info("listening", metadata: ["listener.name": "\(listener.name)", "listener.address": "\(address)"])
        return address
    }

    /// Stops accepting on a listener; its open connections finish their exchanges.
    public func removeListener(named name: String) async throws {
        let channel = try state.withLock { state throws(ProxyError) -> any Channel in
            guard let entry = state.listeners.removeValue(forKey: name) else { throw ProxyError.unknownListener(name) }
            return entry.channel
        }
        try? await channel.close()
    }

    /// The address a listener is bound to, or `nil` when there is no such listener.
    public func boundAddress(listener: String) -> SocketAddress? {
        state.withLock { $0.listeners[listener]?.channel.localAddress }
    }

    /// Every listener's name and bound address.
    public var listenerAddresses: [String: SocketAddress] {
        state.withLock { state in
            state.listeners.compactMapValues { $0.channel.localAddress }
        }
    }

    // MARK: Metrics

    /// Every series' counts and latency histogram, merged across event loops (cumulative; use `since(_:)` for an interval).
    public func metrics() async -> ProxyMetricsSnapshot {
        var shards: [RevisionMetricsSnapshot] = []
        for loop in loops {
            let box = loop.context
            if let values = try? await loop.eventLoop.submit({ box.value.metricsSnapshot() }).get() {
                shards += values
            }
        }
        return ProxyMetricsSnapshot.merging(shards, takenAt: .now)
    }

    /// Requests in flight to an upstream on every loop, counting upstreams that are draining: 0 once it may be stopped.
    public func busyConnections(to address: UpstreamAddress) async -> Int {
        var busy = 0
        for loop in loops {
            let box = loop.context
            busy += (try? await loop.eventLoop.submit { box.value.busyConnections(to: address) }.get()) ?? 0
        }
        return busy
    }

    /// The metrics in the Prometheus text format.
    public func prometheusText() async -> String {
        PrometheusExposition.render(await metrics())
    }

    // MARK: Shutdown

    /// Stops accepting, lets in-flight requests finish (up to `timeouts.shutdownGrace`), closes every connection and
    /// stops health checks; shuts the event loops down when the server created them.
    public func shutdown() async {
        let channels = state.withLock { state -> [any Channel] in
            state.isStopped = true
            let channels = state.listeners.values.map(\.channel)
            state.listeners.removeAll()
            return channels
        }
        for channel in channels { try? await channel.close() }
        await onEveryLoop { $0.beginShutdown() }
        let clock = ContinuousClock()
        let deadline = clock.now + configuration.timeouts.shutdownGrace
        while clock.now < deadline {
            var busy = 0
            for loop in loops {
                let box = loop.context
                busy += (try? await loop.eventLoop.submit { box.value.inFlight }.get()) ?? 0
            }
            if busy == 0 { break }
            try? await Task.sleep(for: .milliseconds(10))
        }
        await onEveryLoop { $0.closeAllClients() }
        await registry.stopAll()
        if ownsGroup { try? await group.shutdownGracefully() }
    }

    /// Runs `body` on every loop with its context and waits for all of them.
    func onEveryLoop(_ body: @escaping @Sendable (LoopContext) -> Void) async {
        for loop in loops {
            let box = loop.context
            try? await loop.eventLoop.submit { body(box.value) }.get()
        }
    }
}
