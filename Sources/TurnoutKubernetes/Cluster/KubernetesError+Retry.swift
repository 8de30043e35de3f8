import KubernetesClient
import TurnoutRuntime

extension KubernetesError: RetryableError {
    /// A conflict means read again and decide again; throttling, server and transport failures may pass by themselves.
    public var retryReason: RetryReason? {
        if case .conflict = self { return .conflict }
        return isRetryable ? .transient : nil
    }
}
