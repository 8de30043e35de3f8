/// The bookkeeping of a keyed work queue, without time or tasks: which keys wait and until when, which
/// are being reconciled, which were added again meanwhile, and how often each failed in a row.
///
/// Rules: a key is reconciled by one worker at a time; adding a key that waits keeps the earlier due
/// time (duplicates merge); adding a key being reconciled marks it to run again once it is done; keys due
/// at the same time are taken in the order they were added.
public struct WorkQueueState<Key: Hashable & Sendable>: Sendable {
    private struct Entry: Sendable {
        var dueAt: Double
        var sequence: UInt64
    }

    /// When retries happen.
    public var policy: RetryPolicy
    private var waiting: [Key: Entry] = [:]
    private var againAt: [Key: Double] = [:]
    private var failures: [Key: Int] = [:]
    private var nextSequence: UInt64 = 0
    /// The keys being reconciled now.
    public private(set) var active: Set<Key> = []

    /// Creates an empty queue state.
    public init(policy: RetryPolicy) {
        self.policy = policy
    }

    /// Asks for a reconcile of `key` at `dueAt` (merging with a request already there: the earlier wins).
    public mutating func add(_ key: Key, dueAt: Double) {
        if active.contains(key) {
            againAt[key] = min(againAt[key] ?? dueAt, dueAt)
            return
        }
        if let entry = waiting[key] {
            if dueAt < entry.dueAt { waiting[key]?.dueAt = dueAt }
            return
        }
        nextSequence += 1
        waiting[key] = Entry(dueAt: dueAt, sequence: nextSequence)
    }

    /// How many keys are due at `now` and wait for a worker.
    public func dueCount(now: Double) -> Int {
        waiting.values.filter { $0.dueAt <= now }.count
    }

    /// Takes the key due first at `now` and marks it active; `nil` when none is due.
    public mutating func take(now: Double) -> Key? {
        guard let (key, _) = waiting.filter({ $0.value.dueAt <= now }).min(by: { ($0.value.dueAt, $0.value.sequence) < ($1.value.dueAt, $1.value.sequence) }) else {
            return nil
        }
        waiting[key] = nil
        active.insert(key)
        return key
    }

    /// Records how a key's reconcile ended at `now` and schedules its next one; returns when that is due
    /// (`nil` when the key waits for a wake).
    @discardableResult
    public mutating func finish(_ key: Key, _ outcome: WorkOutcome, now: Double) -> Double? {
        active.remove(key)
        var next: Double?
        switch outcome {
        case .done(let requeueAfter):
            failures[key] = nil
            next = requeueAfter.map { now + max(0, $0) }
        case .failed(let reason):
            let count = (failures[key] ?? 0) + 1
            failures[key] = count
            next = now + policy.delay(afterFailures: count, reason: reason)
        }
        if let again = againAt.removeValue(forKey: key) {
            next = min(next ?? again, again)
        }
        if let next { add(key, dueAt: next) }
        return next
    }

    /// Drops a key that no longer exists: its wait and its failure count (an active key finishes first).
    public mutating func forget(_ key: Key) {
        waiting[key] = nil
        againAt[key] = nil
        failures[key] = nil
    }

    /// The earliest time a waiting key is due; `nil` when none waits.
    public var nextDueAt: Double? {
        waiting.values.map(\.dueAt).min()
    }

    /// When a key is due, if it waits.
    public func dueAt(of key: Key) -> Double? {
        waiting[key]?.dueAt
    }

    /// Failures in a row of a key.
    public func failureCount(of key: Key) -> Int {
        failures[key] ?? 0
    }
}
