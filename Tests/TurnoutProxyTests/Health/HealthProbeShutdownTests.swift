#if canImport(Glibc)
import Glibc
#endif
import Testing
import TurnoutProxy

@Suite struct HealthProbeShutdownTests {
    /// A loopback port whose connections the kernel completes but nobody answers; closed by `close()`.
    struct SilentPort {
        let descriptor: Int32
        let port: Int

        static func open() throws -> SilentPort {
            let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            address.sin_port = 0
            var length = socklen_t(MemoryLayout<sockaddr_in>.size)
            let bound = withUnsafeMutablePointer(to: &address) { pointer in
                pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                    bind(descriptor, socketAddress, length) == 0 && listen(descriptor, 16) == 0 && getsockname(descriptor, socketAddress, &length) == 0
                }
            }
            guard descriptor >= 0, bound else { throw SilentPortError() }
            return SilentPort(descriptor: descriptor, port: Int(UInt16(bigEndian: address.sin_port)))
        }

        func close() { _ = Glibc.close(descriptor) }
    }

    struct SilentPortError: Error {}

    /// CI once crashed here: a probe still waiting when the event loops shut down left its timer's promise unfulfilled.
    @Test func shuttingDownWhileAProbeWaitsEndsCleanlyAndPromptly() async throws {
        let silent = try SilentPort.open()
        defer { silent.close() }
        let check = HealthCheck(path: "/health", interval: .milliseconds(50), timeout: .seconds(600), healthyThreshold: 1, unhealthyThreshold: 1)
        let pool = UpstreamPool(revision: "stable", upstreams: [UpstreamAddress(host: "127.0.0.1", port: silent.port)], healthCheck: check)
        let clock = ContinuousClock()
        let started = clock.now
        try await ProxyFixture.with(configure: { $0.initialHealthTimeout = .milliseconds(100) }) { proxy in
            _ = try await proxy.server.install(RouteTable(routes: [Route(name: "web", split: SplitRoute(stable: pool))]))
            #expect(proxy.server.observedRoutes()[0].upstreams.allSatisfy { !$0.isHealthy })
        }
        // Shutdown must not wait for the probe's 600 s timeout; the bound is generous for a loaded machine.
        #expect(clock.now - started < .seconds(120))
    }
}
