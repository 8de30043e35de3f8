import Testing
import TurnoutCore
import TurnoutRuntime
import TurnoutSimulation

/// A stale snapshot, against every store: the driver saves status first, so the decision of a stale read
/// stops at the conflict before any side effect and never lowers a weight already confirmed.
@Suite struct StaleSnapshotContractTests {
    @Test(arguments: PortAdapter.allCases)
    func aStaleSnapshotStopsAtTheConflictAndKeepsTheConfirmedWeight(adapter: PortAdapter) async throws {
        try await PortFixture.with(adapter) { ports in
            let driver = ports.driver()
            for _ in 0..<3 { try await driver.reconcile(ports.key) }
            #expect(try await ports.current().status?.phase == .healthy)
            let now = ports.clock.now()
            try await ports.change { rollout in rollout = try rollout.applying(.setImage(container: "demo", image: "demo:green"), revisions: [], now: now) }

            var stale: Rollout?
            var second = 0.0
            while stale == nil, second < 60 {
                second += 1
                ports.clock.advance(to: PortFixture.start.adding(seconds: second))
                try await driver.reconcile(ports.key)
                let current = try await ports.current()
                if current.status?.currentStepIndex == 0, await ports.dataPlane.observedTraffic(for: current)?.canaryWeight == 30 { stale = current }
            }
            let staleRollout = try #require(stale, "the first step's weight was never in effect")
            while try await ports.dataPlane.observedTraffic(for: ports.current())?.canaryWeight != 60, second < 120 {
                second += 1
                ports.clock.advance(to: PortFixture.start.adding(seconds: second))
                try await driver.reconcile(ports.key)
            }
            let confirmed = try await ports.current()
            #expect(confirmed.status?.currentStepIndex ?? 0 >= 1)

            let router = RecordingRouter(base: ports.dataPlane)
            let staleDriver = ports.driver(store: StaleOnceStore(base: ports.store, stale: staleRollout), router: router)
            await #expect {
                try await staleDriver.reconcile(ports.key)
            } throws: { error in
                RetryReason(of: error) == .conflict
            }
            #expect(await router.requests.isEmpty)
            #expect(try await ports.current() == confirmed)
            #expect(await ports.dataPlane.observedTraffic(for: confirmed)?.canaryWeight == 60)

            try await staleDriver.reconcile(ports.key)
            #expect(await router.requests.allSatisfy { ($0.canaryWeight ?? 0) >= 60 })
            #expect(await ports.dataPlane.observedTraffic(for: confirmed)?.canaryWeight == 60)
        }
    }
}
