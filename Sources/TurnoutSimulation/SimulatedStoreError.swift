import TurnoutRuntime

/// Errors of the simulated store; each message names the action and the rollout.
public enum SimulatedStoreError: RetryableError, Sendable, Hashable, CustomStringConvertible {
    /// The rollout changed since it was read; nothing was written. Retryable: read it again.
    case conflict(action: String, rollout: String, reason: String)
    /// The rollout an action needs does not exist.
    case rolloutNotFound(action: String, rollout: String)
    /// The analysis run an action needs does not exist.
    case analysisRunNotFound(action: String, run: String)

    /// A conflict is `.conflict`; a missing rollout stays missing.
    public var retryReason: RetryReason? {
        switch self {
        case .conflict: return .conflict
        case .rolloutNotFound, .analysisRunNotFound: return nil
        }
    }

    /// A one-line message naming the failed action and its rollout.
    public var description: String {
        switch self {
        case .conflict(let action, let rollout, let reason):
            return "\(action) rollout \(rollout): \(reason); read it again and retry"
        case .rolloutNotFound(let action, let rollout):
            return "\(action) rollout \(rollout): no such rollout"
        case .analysisRunNotFound(let action, let run):
            return "\(action) analysis run \(run): no such analysis run"
        }
    }
}
