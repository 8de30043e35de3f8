/// How long a work queue waits before it retries a key whose reconcile failed: doubling with each failure
/// in a row, from a short base for retryable errors (a conflict is usually gone at once) and a longer one
/// for the rest, never more than `maximumDelay`.
public struct RetryPolicy: Sendable, Hashable {
    /// The first delay after a failure with a retry reason (conflict, transient).
    public var retryableBaseDelay: Double
    /// The first delay after a failure without one.
    public var failureBaseDelay: Double
    /// The longest delay.
    public var maximumDelay: Double

    /// The single-host runtime's policy: 0.05 s after a conflict, 0.5 s after another failure, doubling, at most 10 s.
    public static let standard = RetryPolicy(retryableBaseDelay: 0.05, failureBaseDelay: 0.5, maximumDelay: 10)

    /// Creates a policy.
    public init(retryableBaseDelay: Double, failureBaseDelay: Double, maximumDelay: Double) {
        self.retryableBaseDelay = retryableBaseDelay
        self.failureBaseDelay = failureBaseDelay
        self.maximumDelay = maximumDelay
    }

    /// Seconds to wait after the `failures`-th failure in a row (1 for the first), for an error with `reason`.
    public func delay(afterFailures failures: Int, reason: RetryReason?) -> Double {
        let base = reason == nil ? failureBaseDelay : retryableBaseDelay
        let doublings = min(max(failures, 1) - 1, 30)
        return min(maximumDelay, base * Double(1 << doublings))
    }
}
