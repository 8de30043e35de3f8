import Testing
import TurnoutRuntime

@Suite struct WorkQueueStateTests {
    typealias State = WorkQueueState<String>

    @Test func keysDueTogetherComeOutInTheOrderTheyWereAdded() {
        var state = State(policy: .standard)
        state.add("b", dueAt: 1)
        state.add("a", dueAt: 1)
        state.add("c", dueAt: 0.5)
        #expect(state.take(now: 0.4) == nil)
        #expect(state.take(now: 1) == "c")
        #expect(state.take(now: 1) == "b")
        #expect(state.take(now: 1) == "a")
        #expect(state.take(now: 1) == nil)
    }

    @Test func duplicatesMergeAndTheEarlierTimeWins() {
        var state = State(policy: .standard)
        state.add("a", dueAt: 5)
        state.add("a", dueAt: 2)
        state.add("a", dueAt: 9)
        #expect(state.dueAt(of: "a") == 2)
        #expect(state.take(now: 2) == "a")
        #expect(state.take(now: 100) == nil)
    }

    @Test func aKeyAddedWhileActiveIsNotTakenTwiceButRunsAgainAfterwards() {
        var state = State(policy: .standard)
        state.add("a", dueAt: 0)
        #expect(state.take(now: 0) == "a")
        state.add("a", dueAt: 0)
        state.add("a", dueAt: 0)
        #expect(state.take(now: 10) == nil)
        // It was asked for (at 0) while active, so it is due at once, not after the 30 s the reconcile asked for.
        #expect(state.finish("a", .done(requeueAfter: 30), now: 1) == 0)
        #expect(state.take(now: 1) == "a")
        #expect(state.take(now: 1) == nil)
    }

    @Test(arguments: [
        (WorkOutcome.done(requeueAfter: 5), 15.0 as Double?),
        (.done(requeueAfter: nil), nil),
        (.done(requeueAfter: -3), 10.0),
    ])
    func successRequeuesAfterWhatTheReconcileAsks(outcome: WorkOutcome, dueAt: Double?) {
        var state = State(policy: .standard)
        state.add("a", dueAt: 0)
        _ = state.take(now: 0)
        #expect(state.finish("a", outcome, now: 10) == dueAt)
        #expect(state.dueAt(of: "a") == dueAt)
    }

    @Test func failuresBackOffExponentiallyCappedAndSuccessResetsTheCount() {
        var state = State(policy: .standard)
        var now = 0.0
        var delays: [Double] = []
        state.add("a", dueAt: now)
        for _ in 0..<10 {
            let key = state.take(now: now)
            #expect(key == "a")
            let due = state.finish("a", .failed(.conflict), now: now) ?? .infinity
            delays.append(((due - now) * 1000).rounded() / 1000)
            now = due
        }
        #expect(delays == [0.05, 0.1, 0.2, 0.4, 0.8, 1.6, 3.2, 6.4, 10, 10])
        #expect(state.failureCount(of: "a") == 10)
        _ = state.take(now: now)
        state.finish("a", .done(requeueAfter: nil), now: now)
        #expect(state.failureCount(of: "a") == 0)
        state.add("a", dueAt: now)
        _ = state.take(now: now)
        #expect(state.finish("a", .failed(nil), now: now) == now + 0.5)
    }

    @Test func forgettingAKeyDropsItsWaitAndItsFailures() {
        var state = State(policy: .standard)
        state.add("a", dueAt: 0)
        _ = state.take(now: 0)
        state.finish("a", .failed(.transient), now: 0)
        state.forget("a")
        #expect(state.dueAt(of: "a") == nil)
        #expect(state.failureCount(of: "a") == 0)
        #expect(state.nextDueAt == nil)
    }
}
