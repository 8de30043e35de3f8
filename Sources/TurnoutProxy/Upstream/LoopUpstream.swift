import NIOCore

/// One upstream as one event loop sees it: its idle keep-alive connections and every open one (for draining).
///
/// Confined to its event loop: no locks.
final class LoopUpstream {
    /// The shared upstream (address, health).
    let upstream: Upstream
    /// Most idle connections kept.
    let maxIdle: Int
    /// Set when the upstream left the route table: no new requests, connections close when their request ends.
    @exclusivity(unchecked) private(set) var isDraining = false
    @exclusivity(unchecked) private var idle: [UpstreamConnection] = []
    @exclusivity(unchecked) private var open: [ObjectIdentifier: UpstreamConnection] = [:]

    /// Creates the slot.
    init(upstream: Upstream, maxIdle: Int) {
        self.upstream = upstream
        self.maxIdle = maxIdle
    }

    /// Whether new requests may go here: healthy and not draining.
    var isEligible: Bool { !isDraining && upstream.isHealthy }

    /// Open connections (idle and busy).
    var openCount: Int { open.count }

    /// Connections in use by a request or a mirror.
    var busyCount: Int { open.count - idle.count }

    /// Takes an idle connection that is still open (most recently used first), or `nil`.
    func takeIdle() -> UpstreamConnection? {
        while let connection = idle.popLast() {
            if connection.isActive { return connection }
        }
        return nil
    }

    /// Returns a connection after a complete exchange: kept idle, or closed when draining or over the idle limit.
    func release(_ connection: UpstreamConnection) {
        connection.receiver = nil
        connection.hasServedRequest = true
        // The last body part may have paused reading (the client was full) just before the end arrived.
        connection.resumeReading()
        if isDraining || idle.count >= maxIdle || !connection.isActive {
            connection.close()
        } else {
            idle.append(connection)
        }
    }

    /// Records a connection that opened.
    func connectionOpened(_ connection: UpstreamConnection) {
        open[ObjectIdentifier(connection)] = connection
    }

    /// Forgets a connection that closed or left for a tunnel.
    func connectionClosed(_ connection: UpstreamConnection) {
        open[ObjectIdentifier(connection)] = nil
        if let index = idle.firstIndex(where: { $0 === connection }) { idle.remove(at: index) }
    }

    /// Stops new requests: idle connections close now, busy ones when their request ends.
    func startDraining() {
        isDraining = true
        let idleNow = idle
        idle.removeAll()
        for connection in idleNow { connection.close() }
    }

    /// Ends the drain: closes whatever is still open (in-flight requests past the drain timeout fail).
    func closeAll() {
        for connection in open.values { connection.close() }
    }
}
