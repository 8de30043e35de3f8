import Foundation
import Testing
@testable import TurnoutLocal

@Suite struct ReconcileLoopTests {
    /// Counts looks per rollout.
    actor Looks {
        var counts: [String: Int] = [:]
        func add(_ name: String) { counts[name, default: 0] += 1 }
    }

    @Test func looksAtEveryRolloutAtOnceThenWhenWokenAndWhenDue() async throws {
        let looks = Looks()
        let loop = ReconcileLoop(resyncInterval: 3_600, names: { ["a", "b"] }, reconcile: { name in
            await looks.add(name)
            return name == "b" ? 0.05 : 3_600
        })
        let task = Task { await loop.run() }
        defer { task.cancel() }
        let deadline = ContinuousClock.now + .seconds(60)
        var counts = await looks.counts
        while counts["a"] != 1 || counts["b", default: 0] < 3, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(10))
            counts = await looks.counts
        }
        // `b` asked to be looked at again after 50 ms, `a` only in an hour.
        #expect(counts["a"] == 1)
        #expect(counts["b", default: 0] >= 3)

        await loop.wake("a")
        while counts["a"] != 2, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(10))
            counts = await looks.counts
        }
        #expect(counts["a"] == 2)
        task.cancel()
        await loop.stop()
        await task.value
    }
}
