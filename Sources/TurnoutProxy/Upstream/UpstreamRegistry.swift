import Logging
import NIOCore
import Synchronization

/// Every upstream the server knows, by address: created (and health-checked) when a table first names it,
/// kept across tables, and retired when no installed table names it any more.
final class UpstreamRegistry: Sendable {
    private struct Entry {
        let upstream: Upstream
        let checker: Task<Void, Never>?
    }

    private let entries = Mutex<[UpstreamAddress: Entry]>([:])
    private let group: any EventLoopGroup
    private let logger: Logger

    /// Creates a registry whose health checks run on `group`.
    init(group: any EventLoopGroup, logger: Logger) {
        self.group = group
        self.logger = logger
    }

    /// The upstream objects for every address in `table`: existing ones reused, new ones resolved and their health
    /// checks started. Returns them and the new ones (which `install` waits for).
    func register(_ table: RouteTable) throws(ProxyError) -> (all: [UpstreamAddress: Upstream], added: [Upstream]) {
        var wanted: [UpstreamAddress: HealthCheck?] = [:]
        for route in table.routes {
            for pool in [route.split.stable] + (route.split.canary.map { [$0] } ?? []) {
                for address in pool.upstreams where wanted[address] == nil {
                    wanted[address] = .some(pool.healthCheck)
                }
            }
        }
        let existing = entries.withLock { $0 }
        var all: [UpstreamAddress: Upstream] = [:]
        var toAdd: [(UpstreamAddress, HealthCheck?)] = []
        for (address, check) in wanted {
            if let entry = existing[address], entry.upstream.healthCheck == check {
                all[address] = entry.upstream
            } else {
                toAdd.append((address, check))
            }
        }
        var created: [Upstream] = []
        for (address, check) in toAdd {
            let socketAddress = try Self.resolve(address)
            created.append(Upstream(address: address, socketAddress: socketAddress, healthCheck: check))
        }
        var added: [Upstream] = []
        entries.withLock { entries in
            for upstream in created {
                if let current = entries[upstream.address], current.upstream.healthCheck == upstream.healthCheck {
                    all[upstream.address] = current.upstream  // another install registered it meanwhile
                    continue
                }
                entries[upstream.address]?.checker?.cancel()
                let checker = upstream.healthCheck.map { HealthChecker.start(upstream, check: $0, on: group.next(), logger: logger) }
                entries[upstream.address] = Entry(upstream: upstream, checker: checker)
                all[upstream.address] = upstream
                added.append(upstream)
            }
        }
        return (all, added)
    }

    /// Stops the health checks of upstreams the installed table does not name (installs are serialized).
    func retire(keeping current: [UpstreamAddress: Upstream]) {
        entries.withLock { entries in
            for (address, entry) in entries where current[address] !== entry.upstream {
                entry.checker?.cancel()
                entries[address] = nil
            }
        }
    }

    /// The upstream registered for `address`, if any.
    func upstream(at address: UpstreamAddress) -> Upstream? {
        entries.withLock { $0[address]?.upstream }
    }

    /// Stops every health check and waits until no probe is in flight (so the event loops can shut down after).
    func stopAll() async {
        let checkers = entries.withLock { entries in
            let checkers = entries.values.compactMap(\.checker)
            entries.removeAll()
            return checkers
        }
        for checker in checkers { checker.cancel() }
        for checker in checkers { await checker.value }
    }

    /// Resolves an address: IP literals directly, host names through the system resolver.
    static func resolve(_ address: UpstreamAddress) throws(ProxyError) -> SocketAddress {
        do {
            return try SocketAddress(ipAddress: address.host, port: address.port)
        } catch {
            do {
                return try SocketAddress.makeAddressResolvingHost(address.host, port: address.port)
            } catch {
                throw .resolveFailed(upstream: address.description, reason: "\(error)")
            }
        }
    }
}
