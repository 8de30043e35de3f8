import Synchronization
import TurnoutRuntime

/// The controller's metrics in Prometheus' text format: reconcile durations (a histogram), rollouts by phase,
/// the work queue's depth and API requests by verb and status code. No per-object labels: a rollout's phase
/// is counted, never named.
public final class ControllerMetrics: Sendable {
    /// Upper bounds of the reconcile-duration buckets, in seconds.
    public static let bucketBounds: [Double] = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]

    private struct State {
        var bucketCounts = [Int](repeating: 0, count: ControllerMetrics.bucketBounds.count)
        var count = 0
        var sum = 0.0
        var phases: [RolloutKey: String] = [:]
        var queueDepth = 0
        var requests: [APIRequestKey: Int] = [:]
    }

    /// The labels of one API request count: the verb and the status code (`error` when no answer came).
    private struct APIRequestKey: Hashable, Comparable {
        var verb: String
        var code: String
        static func < (lhs: Self, rhs: Self) -> Bool { (lhs.verb, lhs.code) < (rhs.verb, rhs.code) }
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

    /// Remembers how many rollouts wait for a worker.
    public func recordQueueDepth(_ depth: Int) {
        state.withLock { $0.queueDepth = depth }
    }

    /// Counts one request to the API server: its verb and status code (`nil` when no answer came).
    public func recordAPIRequest(verb: String, code: Int?) {
        let key = APIRequestKey(verb: verb, code: code.map(String.init) ?? "error")
        state.withLock { $0.requests[key, default: 0] += 1 }
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
            lines.append("# HELP turnout_workqueue_depth Rollouts due for a reconcile and waiting for a worker.")
            lines.append("# TYPE turnout_workqueue_depth gauge")
            lines.append("turnout_workqueue_depth \(state.queueDepth)")
            lines.append("# HELP turnout_api_requests_total Requests to the Kubernetes API server by verb and status code.")
            lines.append("# TYPE turnout_api_requests_total counter")
            for (key, count) in state.requests.sorted(by: { $0.key < $1.key }) {
                lines.append("turnout_api_requests_total{verb=\"\(key.verb)\",code=\"\(key.code)\"} \(count)")
            }
            return lines.joined(separator: "\n") + "\n"
        }
    }
}
