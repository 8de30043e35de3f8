import KubernetesClient
import Logging
import TurnoutCore
import TurnoutRuntime

/// Leader election with a `coordination.k8s.io/v1` Lease, as client-go does it: a candidate takes the lease
/// when its holder has not renewed it for `leaseDuration` (measured on this process's own clock, from when it
/// last saw the record change), the leader renews every `retryPeriod`, and a leader that could not renew for
/// `renewDeadline` (shorter than `leaseDuration`) stops leading before anyone else may take over. Every write
/// is guarded by the Lease's resourceVersion. On shutdown the leader releases the lease.
public actor LeaderElector {
    /// The timings of an election.
    public struct Timing: Sendable, Hashable {
        /// How long a lease is valid after a renewal.
        public var leaseDuration: Duration
        /// How long a leader keeps leading without a successful renewal.
        public var renewDeadline: Duration
        /// How often a leader renews and a candidate tries.
        public var retryPeriod: Duration

        /// client-go's defaults: 15 s, 10 s, 2 s.
        public static let standard = Timing(leaseDuration: .seconds(15), renewDeadline: .seconds(10), retryPeriod: .seconds(2))

        /// Creates timings.
        public init(leaseDuration: Duration, renewDeadline: Duration, retryPeriod: Duration) {
            self.leaseDuration = leaseDuration
            self.renewDeadline = renewDeadline
            self.retryPeriod = retryPeriod
        }
    }

    private let client: KubernetesClient
    private let namespace: String
    private let name: String
    private let identity: String
    private let timing: Timing
    private let logger: Logger
    private let clock = ContinuousClock()
    /// The record last seen and when this process saw it change.
    private var observed: (spec: Lease.Spec, at: ContinuousClock.Instant)?
    private var lastRenewal: ContinuousClock.Instant?
    /// Whether this process leads now.
    public private(set) var isLeader = false

    /// Creates an elector for the Lease `namespace/name`.
    public init(client: KubernetesClient, namespace: String, name: String, identity: String, timing: Timing = .standard, logger: Logger) {
        self.client = client
        self.namespace = namespace
        self.name = name
        self.identity = identity
        self.timing = timing
        self.logger = logger
    }

    /// Runs `lead` while this process holds the lease (again whenever it wins it back), cancelling it when the
    /// lease is lost; returns when the calling task is cancelled, after releasing the lease.
    public func run(lead: @escaping @Sendable () async -> Void) async {
        var leading: Task<Void, Never>?
        while !Task.isCancelled {
            let renewed = await tryAcquireOrRenew()
            let now = clock.now
            if renewed {
                lastRenewal = now
                if leading == nil {
                    isLeader = true
                    logger.info("became the leader", metadata: ["lease.name": "\(namespace)/\(name)", "lease.holder": "\(identity)"])
                    leading = Task { await lead() }
                }
            } else if let task = leading, lastRenewal.map({ now - $0 >= timing.renewDeadline }) ?? true {
                logger.warning("lost the lease: stopping", metadata: ["lease.name": "\(namespace)/\(name)"])
                isLeader = false
                task.cancel()
                await task.value
                leading = nil
            }
            try? await clock.sleep(for: timing.retryPeriod)
        }
        if let leading {
            isLeader = false
            leading.cancel()
            await leading.value
            // A task of its own: the calling task is cancelled, which would cancel the release's requests too.
            await Task { await self.release() }.value
        }
    }

    /// One attempt: creates the lease, renews it, or takes it over when it expired; `true` when this process holds it afterwards.
    private func tryAcquireOrRenew() async -> Bool {
        let now = clock.now
        let stamp = Self.microTime(SystemClock().now())
        do {
            let current: Lease
            do {
                current = try await client.get(.leases, namespace: namespace, name: name)
            } catch KubernetesError.notFound {
                let lease = Lease(
                    metadata: ClusterObjectMeta(name: name, namespace: namespace),
                    spec: Lease.Spec(holderIdentity: identity, leaseDurationSeconds: Int(timing.leaseDuration.components.seconds), acquireTime: stamp, renewTime: stamp, leaseTransitions: 0))
                let created: Lease = try await client.create(.leases, namespace: namespace, lease)
                observed = (created.spec, now)
                return true
            }
            if observed?.spec != current.spec { observed = (current.spec, now) }
            let holder = current.spec.holderIdentity ?? ""
            let duration = Duration.seconds(current.spec.leaseDurationSeconds ?? Int(timing.leaseDuration.components.seconds))
            let isHeldByOther = !holder.isEmpty && holder != identity
            if isHeldByOther, let seen = observed?.at, now - seen < duration { return false }
            var lease = current
            lease.spec.holderIdentity = identity
            lease.spec.leaseDurationSeconds = Int(timing.leaseDuration.components.seconds)
            lease.spec.renewTime = stamp
            if holder != identity {
                lease.spec.acquireTime = stamp
                lease.spec.leaseTransitions = (current.spec.leaseTransitions ?? 0) + 1
            }
            let updated: Lease = try await client.update(.leases, namespace: namespace, name: name, lease)
            observed = (updated.spec, now)
            return true
        } catch {
            logger.debug("lease attempt failed: \(error)", metadata: ["lease.name": "\(namespace)/\(name)"])
            return false
        }
    }

    /// Gives the lease up so another candidate takes over at once.
    private func release() async {
        do {
            var lease: Lease = try await client.get(.leases, namespace: namespace, name: name)
            guard lease.spec.holderIdentity == identity else { return }
            lease.spec.holderIdentity = nil
            lease.spec.leaseDurationSeconds = 1
            lease.spec.renewTime = Self.microTime(SystemClock().now())
            let _: Lease = try await client.update(.leases, namespace: namespace, name: name, lease)
            logger.info("released the lease", metadata: ["lease.name": "\(namespace)/\(name)"])
        } catch {
            logger.warning("release the lease: \(error)", metadata: ["lease.name": "\(namespace)/\(name)"])
        }
    }

    /// A `MicroTime` as the API server wants it: `2006-01-02T15:04:05.000000Z`.
    static func microTime(_ instant: Instant) -> String {
        let whole = instant.secondsSinceEpoch.rounded(.down)
        let micros = Int(((instant.secondsSinceEpoch - whole) * 1_000_000).rounded(.down))
        let seconds = Instant(secondsSinceEpoch: whole).rfc3339.dropLast()
        let digits = String(micros)
        return "\(seconds).\(String(repeating: "0", count: 6 - digits.count))\(digits)Z"
    }
}
