/// Why the single-host runtime could not start.
public enum LocalRuntimeError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Another daemon holds the state directory, or its lock file cannot be opened.
    case stateDirectoryLocked(path: String, reason: String)
    /// A part of the runtime failed to start.
    case startFailed(action: String, reason: String)

    public var description: String {
        switch self {
        case .stateDirectoryLocked(let path, let reason):
            return "lock state directory \(path): \(reason)"
        case .startFailed(let action, let reason):
            return "\(action): \(reason)"
        }
    }
}
