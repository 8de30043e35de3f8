import Synchronization
import TurnoutRuntime

/// The controller's metrics in Prometheus' text format: reconcile durations (a histogram), rollouts by phase,
/// reconciles in total. No per-object labels: a rollout's phase is counted, never named.
public final class ControllerMetrics: Sendable {
    /// Upper bounds of the reconcile-duration buckets, in seconds.
    public static let bucketBounds: [Double] = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]

    private struct State {
        var bucketCounts = [Int](repeating: 0, count: ControllerMetrics.bucketBounds.count)
        var count = 0
        var sum = 0.0
        var phases: [RolloutKey: String] = [:]
    }

    private let state = Mutex(State())

    /// Creates empty metrics.
    public init() {}

    /// Counts one reconcile that took `duration`.
    public func recordReconcile(duration: Duration) {
        let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        state.withLock { state in
            state.count += 1
            state.sum += seconds
            for (index, bound) in Self.bucketBounds.enumerated() where seconds <= bound { state.bucketCounts[index] += 1 }
        }
    }

    /// Remembers the phase a rollout is in.
    public func recordPhase(_ phase: String, of key: RolloutKey) {
        state.withLock { $0.phases[key] = phase }
    }

    /// Forgets a deleted rollout.
    public func forget(_ key: RolloutKey) {
        _ = state.withLock { $0.phases.removeValue(forKey: key) }
    }

    /// The metrics in Prometheus' text exposition format.
    public func exposition() -> String {
        state.withLock { state in
            var lines = [
                "# HELP turnout_reconcile_duration_seconds How long one reconcile of a rollout took.",
                "# TYPE turnout_reconcile_duration_seconds histogram",
            ]
            for (index, bound) in Self.bucketBounds.enumerated() {
                lines.append("turnout_reconcile_duration_seconds_bucket{le=\"\(bound)\"} \(state.bucketCounts[index])")
            }
            lines.append("turnout_reconcile_duration_seconds_bucket{le=\"+Inf\"} \(state.count)")
            lines.append("turnout_reconcile_duration_seconds_sum \(state.sum)")
            lines.append("turnout_reconcile_duration_seconds_count \(state.count)")
            lines.append("# HELP turnout_rollouts Rollouts by phase.")
            lines.append("# TYPE turnout_rollouts gauge")
            var byPhase: [String: Int] = [:]
            for phase in state.phases.values { byPhase[phase, default: 0] += 1 }
            for (phase, count) in byPhase.sorted(by: { $0.key < $1.key }) {
                lines.append("turnout_rollouts{phase=\"\(phase)\"} \(count)")
            }
            return lines.joined(separator: "\n") + "\n"
        }
    }
}
