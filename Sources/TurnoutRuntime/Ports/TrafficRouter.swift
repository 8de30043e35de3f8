import TurnoutCore

/// Moves traffic between revisions and reports what the data plane is actually doing. The rollout passed
/// in is addressed by `rollout.key`.
///
/// Contract: `setTraffic` is idempotent and returns without waiting for the data plane. `observedTraffic`
/// reports the state in effect in the data plane (not the state last asked for); `nil` means nothing has
/// been routed yet. Single host: the proxy's installed route table, in effect at once. Kubernetes: what the
/// EndpointSlices of the services and the Ingress/HTTPRoute/VirtualService carry. Errors are
/// `RetryableError`s where retrying can help.
public protocol TrafficRouter: Sendable {
    /// What the data plane does now.
    func observedTraffic(for rollout: Rollout) async throws -> TrafficState?
    /// Asks the data plane to route as `traffic` says.
    func setTraffic(_ traffic: TrafficState, for rollout: Rollout) async throws
}
