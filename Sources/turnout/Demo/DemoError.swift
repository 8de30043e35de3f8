/// Why the demo tour stopped.
enum DemoError: Error, CustomStringConvertible {
    /// A rollout did not reach a state in time.
    case timedOut(rollout: String, waitingFor: String, last: String)
    /// Traffic through an address was not what the rollout says.
    case unexpectedTraffic(address: String, expected: String, observed: TrafficSample)
    /// A listener the tour needs is missing.
    case missingListener(String)

    var description: String {
        switch self {
        case .timedOut(let rollout, let waitingFor, let last):
            return "rollout \(rollout) did not become \(waitingFor) in time (last: \(last)); `turnout get rollout \(rollout)` shows why"
        case .unexpectedTraffic(let address, let expected, let observed):
            return "traffic through \(address) was \(observed.description), expected \(expected)"
        case .missingListener(let name):
            return "no listener for \(name)"
        }
    }
}
