import Testing
import TurnoutProxy
import TurnoutTestSupport

@Suite struct HealthProbeShutdownTests {
    /// CI once crashed here: a probe still waiting when the event loops shut down left its timer's promise unfulfilled.
    @Test func shuttingDownWhileAProbeWaitsEndsCleanlyAndPromptly() async throws {
        let silent = try LoopbackSocket.bind(listening: true)
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
