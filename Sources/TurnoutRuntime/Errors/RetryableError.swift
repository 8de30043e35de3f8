/// Why trying a failed action again may succeed.
public enum RetryReason: String, Sendable, Hashable, CaseIterable {
    /// The object changed since it was read (a stale resourceVersion): read it again, decide again, retry.
    case conflict
    /// The backend was busy or unreachable for a moment: retry the same action later.
    case transient
}

/// An error that says whether retrying can help; every adapter's error type conforms, so the driver and
/// the work queue decide about retries without knowing the adapter.
///
/// Contract: `retryReason` is `nil` when the same action will fail again until something else changes
/// (a bad manifest, a missing program); such failures are still retried, but with a longer backoff.
public protocol RetryableError: Error {
    /// Why a retry may succeed, or `nil` when it will not by itself.
    var retryReason: RetryReason? { get }
}

extension RetryReason {
    /// The retry reason of any error: the conforming error's own, else `nil`.
    public init?(of error: any Error) {
        guard let retryable = error as? any RetryableError, let reason = retryable.retryReason else { return nil }
        self = reason
    }
}
