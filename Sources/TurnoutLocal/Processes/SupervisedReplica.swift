import TurnoutCore

/// One replica slot as the supervisor tracks it, from its first start to the end of its termination; crash
/// restarts keep the slot (and its `incarnation`), a restart for `restartAt` or a scale-up makes a new one.
struct SupervisedReplica: Sendable {
    /// Where the replica is in its life.
    enum Phase: Sendable, Hashable {
        /// A process runs.
        case running(ProcessHandle)
        /// The process crashed; a new one starts at the instant.
        case backingOff(until: Instant)
        /// Being stopped; the process, if one runs.
        case terminating(ProcessHandle?)
    }

    /// Which replica.
    let key: ReplicaKey
    /// Tells this slot from an earlier or later one with the same key.
    let incarnation: UInt64
    /// How the current (or next) process runs.
    var plan: LaunchPlan
    /// Where it is in its life.
    var phase: Phase
    /// When the current process started (or, while backing off, the crashed one).
    var startedAt: Instant
    /// Restarts after crashes, ever.
    var restartCount: Int
    /// Crashes in a row, for the backoff.
    var consecutiveCrashes: Int
    /// The current process's readiness.
    var readiness: ReadinessState
    /// When its log size was last checked.
    var logCheckedAt: Instant
    /// The launch id of the current (or last) process, in its environment and its record; `nil` for a process
    /// adopted from a record written before launch ids existed.
    var launchID: String?

    /// The running process, if any (also while terminating).
    var process: ProcessHandle? {
        switch phase {
        case .running(let handle): return handle
        case .backingOff: return nil
        case .terminating(let handle): return handle
        }
    }

    /// Whether it is being stopped.
    var isTerminating: Bool {
        if case .terminating = phase { return true }
        return false
    }

    /// Whether it counts as ready: a process runs, passes readiness, and is not being stopped.
    var isReady: Bool {
        if case .running = phase { return readiness.isReady }
        return false
    }

    /// The record that lets a restarted daemon find it again.
    var record: ReplicaRecord {
        ReplicaRecord(rollout: key.rollout, revisionHash: key.revisionHash, index: key.index, pid: process?.pid, port: plan.port, startedAt: startedAt, restartCount: restartCount, launchID: launchID)
    }

    /// What the traffic router sees.
    var endpoint: ReplicaEndpoint {
        ReplicaEndpoint(index: key.index, address: plan.address, pid: process?.pid, isReady: isReady, isTerminating: isTerminating, restartCount: restartCount)
    }
}
