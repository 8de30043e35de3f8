/// How long a crashed replica waits before it is started again: Kubernetes' CrashLoopBackOff, doubling from
/// `initialSeconds` up to `maximumSeconds`, and forgotten once a process has run for `resetAfterSeconds`. Pure.
public struct CrashBackoff: Sendable, Hashable {
    /// The wait after the first crash.
    public var initialSeconds: Double
    /// The longest wait.
    public var maximumSeconds: Double
    /// A process that ran this long before crashing starts the doubling over.
    public var resetAfterSeconds: Double

    /// Creates a backoff; the defaults are Kubernetes' (1 s, 2 s, 4 s … 30 s here; reset after 10 minutes).
    public init(initialSeconds: Double = 1, maximumSeconds: Double = 30, resetAfterSeconds: Double = 600) {
        self.initialSeconds = initialSeconds
        self.maximumSeconds = maximumSeconds
        self.resetAfterSeconds = resetAfterSeconds
    }

    /// The wait before the next start after `consecutiveCrashes` crashes in a row (1 for the first).
    public func delay(afterConsecutiveCrashes consecutiveCrashes: Int) -> Double {
        let doublings = max(0, min(consecutiveCrashes - 1, 62))
        var delay = initialSeconds
        for _ in 0..<doublings {
            delay *= 2
            if delay >= maximumSeconds { return maximumSeconds }
        }
        return min(delay, maximumSeconds)
    }

    /// The count of crashes in a row after a crash of a process that ran `runSeconds`, `previous` crashes before it.
    public func consecutiveCrashes(previous: Int, runSeconds: Double) -> Int {
        runSeconds >= resetAfterSeconds ? 1 : previous + 1
    }
}
