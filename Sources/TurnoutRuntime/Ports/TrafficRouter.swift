import TurnoutCore

/// Moves traffic between revisions and reports what the data plane is actually doing.
///
/// Contract: `setTraffic` is idempotent. `observedTraffic` reports the state in effect in the data plane
/// (not the state last asked for); `nil` means nothing has been routed yet.
public protocol TrafficRouter: Sendable {
    /// What the data plane does now.
    func observedTraffic(for rollout: Rollout) async throws -> TrafficState?
    /// Asks the data plane to route as `traffic` says.
    func setTraffic(_ traffic: TrafficState, for rollout: Rollout) async throws
}
