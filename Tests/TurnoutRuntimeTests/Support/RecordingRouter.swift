import TurnoutCore
import TurnoutRuntime
import TurnoutSimulation

/// Forwards to the simulated data plane and remembers every weight asked for.
actor RecordingRouter: TrafficRouter {
    let base: SimulatedRuntime
    var requests: [TrafficState] = []

    init(base: SimulatedRuntime) { self.base = base }

    func observedTraffic(for rollout: Rollout) async -> TrafficState? { await base.observedTraffic(for: rollout) }

    func setTraffic(_ traffic: TrafficState, for rollout: Rollout) async {
        requests.append(traffic)
        await base.setTraffic(traffic, for: rollout)
    }
}
