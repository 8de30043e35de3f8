/// A keyed work queue in the manner of controller-runtime's: `workers` tasks reconcile keys as they fall
/// due, one reconcile per key at a time; a key added again while it waits is merged, added while it is
/// reconciled runs once more afterwards; success requeues after the seconds the reconcile asks for;
/// failure retries with exponential backoff (`RetryPolicy`, at most 10 s by default). With a resync
/// interval every key `keys` lists is added again that often, so a missed wake only delays work.
///
/// Time comes from a `WorkQueueClock`, so tests drive it by hand. `run` works until `stop` or until its
/// task is cancelled.
public actor WorkQueue<Key: Hashable & Sendable> {
    /// Reconciles one key; returns seconds until it should be looked at again (`nil`: when woken or
    /// resynced). A thrown error is retried with backoff, shorter when it is a `RetryableError` with a reason.
    public typealias Reconcile = @Sendable (Key) async throws -> Double?
    /// Every key there is now, for `wake(nil)` and resyncs.
    public typealias Keys = @Sendable () async -> [Key]

    private let workers: Int
    private let clock: any WorkQueueClock
    private let resyncInterval: Double?
    private let keys: Keys
    private let reconcile: Reconcile
    private var state: WorkQueueState<Key>
    private var idleWorkers: [CheckedContinuation<Key?, Never>] = []
    private var timer: (deadline: Double, task: Task<Void, Never>)?
    private var resyncTask: Task<Void, Never>?
    private var isStopped = false

    /// Creates a queue; nothing runs until `run`.
    public init(
        workers: Int = 1, clock: any WorkQueueClock = ContinuousWorkQueueClock(), policy: RetryPolicy = .standard,
        resyncInterval: Double? = nil, keys: @escaping Keys = { [] }, reconcile: @escaping Reconcile
    ) {
        self.workers = max(1, workers)
        self.clock = clock
        self.resyncInterval = resyncInterval
        self.keys = keys
        self.reconcile = reconcile
        state = WorkQueueState(policy: policy)
    }

    /// Asks for a reconcile of `key` after `seconds` (at once by default).
    public func add(_ key: Key, after seconds: Double = 0) {
        state.add(key, dueAt: clock.now() + max(0, seconds))
        dispatch()
    }

    /// Asks for a reconcile of one key soon, or of every key `keys` lists when `key` is `nil`.
    public func wake(_ key: Key?) async {
        if let key {
            add(key)
            return
        }
        let now = clock.now()
        for key in await keys() { state.add(key, dueAt: now) }
        dispatch()
    }

    /// Reconciles keys with `workers` workers (and resyncs) until `stop` or cancellation; starts by adding every listed key.
    public func run() async {
        guard !isStopped else { return }
        await wake(nil)
        if let resyncInterval, resyncInterval > 0 {
            resyncTask = Task { await self.resync(every: resyncInterval) }
        }
        await withTaskCancellationHandler {
            await withTaskGroup(of: Void.self) { group in
                for _ in 0..<workers {
                    group.addTask { await self.work() }
                }
                await group.waitForAll()
            }
        } onCancel: {
            Task { await self.stop() }
        }
        stop()
        await resyncTask?.value
    }

    /// Ends `run`: idle workers stop at once, busy ones after their reconcile.
    public func stop() {
        isStopped = true
        timer?.task.cancel()
        timer = nil
        resyncTask?.cancel()
        let idle = idleWorkers
        idleWorkers = []
        for worker in idle { worker.resume(returning: nil) }
    }

    /// How many keys are due now and wait for a worker (the queue's depth).
    public func depth() -> Int {
        state.dueCount(now: clock.now())
    }

    /// When a key is next due, if it waits (for tests and views).
    public func dueAt(of key: Key) -> Double? {
        state.dueAt(of: key)
    }

    // MARK: Workers

    /// One worker: takes due keys and reconciles them until the queue stops.
    private func work() async {
        while let key = await nextKey() {
            let outcome: WorkOutcome
            do {
                outcome = .done(requeueAfter: try await reconcile(key))
            } catch {
                outcome = .failed(RetryReason(of: error))
            }
            state.finish(key, outcome, now: clock.now())
            dispatch()
        }
    }

    /// The next due key, waiting for one; `nil` once the queue stops.
    private func nextKey() async -> Key? {
        if isStopped { return nil }
        if let key = state.take(now: clock.now()) { return key }
        return await withCheckedContinuation { continuation in
            idleWorkers.append(continuation)
            dispatch()
        }
    }

    /// Hands due keys to idle workers and sets the timer for the next due time.
    private func dispatch() {
        guard !isStopped else { return }
        while !idleWorkers.isEmpty, let key = state.take(now: clock.now()) {
            idleWorkers.removeFirst().resume(returning: key)
        }
        guard !idleWorkers.isEmpty, let next = state.nextDueAt else {
            timer?.task.cancel()
            timer = nil
            return
        }
        guard timer?.deadline != next else { return }
        timer?.task.cancel()
        let clock = clock
        timer = (next, Task { [weak self] in
            do {
                try await clock.sleep(until: next)
            } catch {
                return
            }
            await self?.timerFired(next)
        })
    }

    private func timerFired(_ deadline: Double) {
        if timer?.deadline == deadline { timer = nil }
        dispatch()
    }

    /// Adds every listed key every `interval` seconds.
    private func resync(every interval: Double) async {
        let clock = clock
        while !isStopped {
            do {
                try await clock.sleep(until: clock.now() + interval)
            } catch {
                return
            }
            guard !isStopped else { return }
            await wake(nil)
        }
    }
}
