import Testing
import TurnoutRuntime

@Suite struct WorkQueueTests {
    /// What the reconciles did: how many per key, how many at once, and a gate that holds them.
    actor Recorder {
        var calls: [String: Int] = [:]
        var finished: [String: Int] = [:]
        var running: [String: Int] = [:]
        var maxRunningPerKey = 0
        var maxRunning = 0
        private var isOpen: Bool
        private var waiters: [CheckedContinuation<Void, Never>] = []

        init(open: Bool = true) { isOpen = open }

        func begin(_ key: String) {
            calls[key, default: 0] += 1
            running[key, default: 0] += 1
            maxRunningPerKey = max(maxRunningPerKey, running[key] ?? 0)
            maxRunning = max(maxRunning, running.values.reduce(0, +))
        }

        func end(_ key: String) {
            running[key, default: 0] -= 1
            finished[key, default: 0] += 1
        }

        func passGate() async {
            guard !isOpen else { return }
            await withCheckedContinuation { waiters.append($0) }
        }

        func open() {
            isOpen = true
            for waiter in waiters { waiter.resume() }
            waiters = []
        }

        func count(_ key: String) -> Int { calls[key] ?? 0 }
        func done(_ key: String) -> Int { finished[key] ?? 0 }
        func runningNow() -> Int { running.values.reduce(0, +) }
    }

    struct Conflict: RetryableError {
        var retryReason: RetryReason? { .conflict }
    }

    func start(_ queue: WorkQueue<String>) -> Task<Void, Never> {
        Task { await queue.run() }
    }

    @Test func requeueAfterWaitsForTheClock() async {
        let clock = ManualWorkQueueClock()
        let recorder = Recorder()
        let queue = WorkQueue<String>(clock: clock, keys: { ["a"] }) { key in
            await recorder.begin(key)
            await recorder.end(key)
            return 5
        }
        let task = start(queue)
        #expect(await eventually { await recorder.done("a") == 1 && clock.sleeperDeadlines == [5] })
        clock.advance(by: 4.9)
        #expect(clock.sleeperDeadlines == [5])
        #expect(await recorder.count("a") == 1)
        clock.advance(by: 0.1)
        #expect(await eventually { await recorder.done("a") == 2 && clock.sleeperDeadlines == [10] })
        await queue.stop()
        await task.value
    }

    @Test func oneReconcilePerKeyAtATimeAndDuplicatesMerge() async {
        let clock = ManualWorkQueueClock()
        let recorder = Recorder(open: false)
        let queue = WorkQueue<String>(workers: 4, clock: clock) { key in
            await recorder.begin(key)
            await recorder.passGate()
            await recorder.end(key)
            return nil
        }
        let task = start(queue)
        await queue.add("a")
        #expect(await eventually { await recorder.count("a") == 1 })
        for _ in 0..<3 { await queue.add("a") }
        #expect(await queue.dueAt(of: "a") == nil)
        await recorder.open()
        #expect(await eventually { await recorder.done("a") == 2 })
        #expect(await queue.dueAt(of: "a") == nil)
        #expect(await recorder.count("a") == 2)
        #expect(await recorder.maxRunningPerKey == 1)
        await queue.stop()
        await task.value
    }

    @Test func workersReconcileDifferentKeysAtOnceUpToTheirNumber() async {
        let clock = ManualWorkQueueClock()
        let recorder = Recorder(open: false)
        let queue = WorkQueue<String>(workers: 2, clock: clock, keys: { ["a", "b", "c"] }) { key in
            await recorder.begin(key)
            await recorder.passGate()
            await recorder.end(key)
            return nil
        }
        let task = start(queue)
        #expect(await eventually { await recorder.runningNow() == 2 })
        #expect(await recorder.count("c") == 0)
        await recorder.open()
        #expect(await eventually { await recorder.finished == ["a": 1, "b": 1, "c": 1] })
        #expect(await recorder.maxRunning == 2)
        await queue.stop()
        await task.value
    }

    @Test func retryableFailuresBackOffExponentially() async {
        let clock = ManualWorkQueueClock()
        let recorder = Recorder()
        let queue = WorkQueue<String>(clock: clock, keys: { ["a"] }) { key in
            await recorder.begin(key)
            await recorder.end(key)
            throw Conflict()
        }
        let task = start(queue)
        var expected = 0.0
        for (attempt, delay) in [0.05, 0.1, 0.2, 0.4].enumerated() {
            expected += delay
            let deadline = expected
            #expect(await eventually { await recorder.done("a") == attempt + 1 && clock.sleeperDeadlines.map { ($0 * 1000).rounded() } == [(deadline * 1000).rounded()] })
            clock.advance(by: delay)
        }
        await queue.stop()
        await task.value
    }

    @Test func resyncAddsEveryKeyAgainAndWakeOfNilAddsThemAtOnce() async {
        let clock = ManualWorkQueueClock()
        let recorder = Recorder()
        let queue = WorkQueue<String>(clock: clock, resyncInterval: 10, keys: { ["a", "b"] }) { key in
            await recorder.begin(key)
            await recorder.end(key)
            return nil
        }
        let task = start(queue)
        #expect(await eventually { await recorder.finished == ["a": 1, "b": 1] && clock.sleeperDeadlines == [10] })
        await queue.wake(nil)
        #expect(await eventually { await recorder.finished == ["a": 2, "b": 2] })
        await queue.wake("b")
        #expect(await eventually { await recorder.done("b") == 3 })
        clock.advance(by: 10)
        #expect(await eventually { await recorder.finished == ["a": 3, "b": 4] })
        await queue.stop()
        await task.value
    }

    @Test func cancellingRunStopsTheQueue() async {
        let queue = WorkQueue<String>(clock: ManualWorkQueueClock(), resyncInterval: 10, keys: { ["a"] }) { _ in nil }
        let task = start(queue)
        task.cancel()
        await task.value
    }
}
