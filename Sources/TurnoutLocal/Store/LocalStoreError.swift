import TurnoutRuntime

/// Errors of the local state store; each message names the failed action and its object.
public enum LocalStoreError: RetryableError, Sendable, Hashable, CustomStringConvertible {
    /// The state directory could not be created or is not a directory.
    case stateDirectory(path: String, reason: String)
    /// An object in an apply is not acceptable; nothing was written.
    case invalidObject(reference: String, reason: String)
    /// An object names a namespace the single-host runtime does not have; nothing was written.
    case unsupportedNamespace(reference: String, namespace: String, supported: String)
    /// The same kind and name appears more than once in one apply; nothing was written.
    case duplicateObject(reference: String)
    /// The rollout an action needs does not exist.
    case rolloutNotFound(action: String, rollout: String)
    /// The analysis run an action needs does not exist.
    case analysisRunNotFound(action: String, run: String)
    /// The rollout changed since it was read; nothing was written. Retryable: read it again.
    case conflict(action: String, rollout: String, reason: String)
    /// A value could not be turned into JSON for storage; nothing was written.
    case encoding(action: String, reason: String)
    /// A stored row could not be read back.
    case corruptRow(action: String, reason: String)
    /// SQLite refused an operation; nothing was written.
    case database(action: String, reason: String, isBusy: Bool)

    /// Whether trying the same action again (after reading again) may succeed.
    public var isRetryable: Bool { retryReason != nil }

    /// A conflict is `.conflict`; a busy or locked database is `.transient`; everything else fails again.
    public var retryReason: RetryReason? {
        switch self {
        case .conflict: return .conflict
        case .database(_, _, let isBusy): return isBusy ? .transient : nil
        case .stateDirectory, .invalidObject, .unsupportedNamespace, .duplicateObject, .rolloutNotFound,
             .analysisRunNotFound, .encoding, .corruptRow:
            return nil
        }
    }

    /// A one-line message naming the failed action and its object.
    public var description: String {
        switch self {
        case .stateDirectory(let path, let reason):
            return "create state directory \(path): \(reason)"
        case .invalidObject(let reference, let reason):
            return "apply \(reference): \(reason)"
        case .unsupportedNamespace(let reference, let namespace, let supported):
            return "apply \(reference): namespace \(namespace) does not exist on the single-host runtime; remove metadata.namespace or set it to \(supported)"
        case .duplicateObject(let reference):
            return "apply \(reference): the object appears more than once in one apply; keep one"
        case .rolloutNotFound(let action, let rollout):
            return "\(action) rollout \(rollout): no such rollout"
        case .analysisRunNotFound(let action, let run):
            return "\(action) analysis run \(run): no such analysis run"
        case .conflict(let action, let rollout, let reason):
            return "\(action) rollout \(rollout): \(reason); read it again and retry"
        case .encoding(let action, let reason):
            return "\(action): cannot encode as JSON: \(reason)"
        case .corruptRow(let action, let reason):
            return "\(action): stored row does not decode: \(reason)"
        case .database(let action, let reason, _):
            return "\(action): \(reason)"
        }
    }
}
