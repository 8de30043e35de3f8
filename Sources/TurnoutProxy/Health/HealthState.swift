/// Counts consecutive probe results against the thresholds and says when an upstream goes in or out.
///
/// Pure: feed it probe results, read the transitions.
public struct HealthState: Sendable, Hashable {
    /// A change of verdict.
    public enum Transition: Sendable, Hashable {
        /// The upstream passed `healthyThreshold` probes in a row and now gets traffic.
        case becameHealthy
        /// The upstream failed `unhealthyThreshold` probes in a row and gets no new requests.
        case becameUnhealthy
    }

    /// The current verdict.
    public private(set) var isHealthy: Bool
    private var passes = 0
    private var failures = 0
    private let healthyThreshold: Int
    private let unhealthyThreshold: Int

    /// Creates a state; upstreams start unhealthy unless `isHealthy` says otherwise.
    public init(healthyThreshold: Int, unhealthyThreshold: Int, isHealthy: Bool = false) {
        self.healthyThreshold = max(1, healthyThreshold)
        self.unhealthyThreshold = max(1, unhealthyThreshold)
        self.isHealthy = isHealthy
    }

    /// Records one probe result; returns the transition it caused, if any.
    public mutating func record(passed: Bool) -> Transition? {
        if passed {
            passes += 1
            failures = 0
            if !isHealthy && passes >= healthyThreshold {
                isHealthy = true
                return .becameHealthy
            }
        } else {
            failures += 1
            passes = 0
            if isHealthy && failures >= unhealthyThreshold {
                isHealthy = false
                return .becameUnhealthy
            }
        }
        return nil
    }
}
