import Atomics
import NIOCore

/// One upstream as the whole server knows it: its address, resolved socket address and health,
/// shared by every event loop and kept across route tables for as long as some route names the address.
final class Upstream: Sendable {
    /// The address routes name.
    let address: UpstreamAddress
    /// The resolved socket address connections go to.
    let socketAddress: SocketAddress
    /// The health check that decides `isHealthy`; `nil` means always healthy.
    let healthCheck: HealthCheck?
    private let healthy: ManagedAtomic<Bool>

    /// Creates an upstream; one with a health check starts unhealthy and gets traffic only after it passes.
    init(address: UpstreamAddress, socketAddress: SocketAddress, healthCheck: HealthCheck?) {
        self.address = address
        self.socketAddress = socketAddress
        self.healthCheck = healthCheck
        self.healthy = ManagedAtomic(healthCheck == nil)
    }

    /// Whether it may receive new requests now (a relaxed atomic read: cheap on the hot path).
    var isHealthy: Bool { healthy.load(ordering: .relaxed) }

    /// Records the latest health verdict.
    func setHealthy(_ value: Bool) {
        healthy.store(value, ordering: .relaxed)
    }
}
