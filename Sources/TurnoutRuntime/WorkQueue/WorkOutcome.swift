/// How one reconcile of a key ended, as a work queue schedules it.
public enum WorkOutcome: Sendable, Hashable {
    /// It succeeded; look again after this many seconds, or only when woken (or resynced) when `nil`.
    case done(requeueAfter: Double?)
    /// It failed; retry with backoff (shorter when the failure has a retry reason).
    case failed(RetryReason?)
}
