import TurnoutCore

/// A replica's readiness as its probes report it, with Kubernetes' thresholds: not ready at start, ready after
/// `successThreshold` consecutive passes, not ready again after `failureThreshold` consecutive failures. Pure.
public struct ReadinessState: Sendable, Hashable {
    /// Seconds between probes while a replica with `successThreshold` 1 has never been ready: one pass decides,
    /// so probing sooner only notices readiness sooner.
    public static let startupPeriodSeconds = 0.25

    /// The check whose timing and thresholds apply.
    public let check: ReadinessCheck
    /// When the process started.
    public let startedAt: Instant
    /// Whether the replica counts as ready.
    public private(set) var isReady = false
    /// Since when it has been ready; `nil` while not ready.
    public private(set) var readySince: Instant?
    /// Passes in a row.
    public private(set) var consecutivePasses = 0
    /// Failures in a row.
    public private(set) var consecutiveFailures = 0
    /// When the last probe was recorded.
    public private(set) var lastProbe: Instant?
    /// Whether the replica has ever been ready.
    public private(set) var hasBeenReady = false

    /// Creates the state of a process that started at `startedAt`: not ready.
    public init(check: ReadinessCheck, startedAt: Instant) {
        self.check = check
        self.startedAt = startedAt
    }

    /// When the next probe is due: `initialDelaySeconds` after start, then one period after the last probe.
    public var nextProbe: Instant {
        guard let lastProbe else { return startedAt.adding(seconds: check.initialDelaySeconds) }
        let isStarting = !hasBeenReady && check.successThreshold == 1
        return lastProbe.adding(seconds: isStarting ? min(check.periodSeconds, Self.startupPeriodSeconds) : check.periodSeconds)
    }

    /// Records one probe's result; returns whether `isReady` changed.
    @discardableResult
    public mutating func record(passed: Bool, at time: Instant) -> Bool {
        lastProbe = time
        if passed {
            consecutivePasses += 1
            consecutiveFailures = 0
            guard !isReady, consecutivePasses >= check.successThreshold else { return false }
            isReady = true
            hasBeenReady = true
            readySince = time
            return true
        }
        consecutiveFailures += 1
        consecutivePasses = 0
        // Before the first readiness a failure changes nothing; afterwards `failureThreshold` failures do.
        guard isReady, consecutiveFailures >= check.failureThreshold else { return false }
        isReady = false
        readySince = nil
        return true
    }

    /// Whether the replica has been ready for at least `minReadySeconds` at `now`.
    public func isAvailable(minReadySeconds: Double, at now: Instant) -> Bool {
        guard let readySince else { return false }
        return now.seconds(since: readySince) >= minReadySeconds
    }
}
