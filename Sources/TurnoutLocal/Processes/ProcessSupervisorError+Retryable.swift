import TurnoutRuntime

extension ProcessSupervisorError: RetryableError {
    /// A busy port or a refused spawn may pass (`.transient`); a template the host cannot run fails again
    /// until the manifest or the image table changes.
    public var retryReason: RetryReason? {
        switch self {
        case .spawnFailed, .portUnavailable, .logs:
            return .transient
        case .noContainers, .noCommand, .unknownImage, .unsupportedEnvironmentSource, .unsupportedProbe, .commandNotFound:
            return nil
        case .failed(_, let underlying):
            return underlying.retryReason
        }
    }
}
