import TurnoutProxy
import TurnoutRuntime

extension ProxyError: RetryableError {
    /// A port taken for a moment or a name that did not resolve may pass (`.transient`); a bad address or
    /// route table fails again until the manifest changes.
    public var retryReason: RetryReason? {
        switch self {
        case .bindFailed, .resolveFailed, .notRunning:
            return .transient
        case .invalidListenAddress, .invalidRouteTable, .duplicateListener, .unknownListener, .invalidArgument:
            return nil
        }
    }
}
