import Foundation
import TurnoutCore
import TurnoutService

/// Polls a rollout's view (read by `read`, e.g. `turnout get rollout -o json`) every `interval` until `condition`
/// holds; after `seconds` throws `RolloutWaitTimeout` with the last state seen.
func waitForRollout(
    _ name: String, _ what: String, seconds: Double, interval: Duration,
    read: () async throws -> RolloutView, _ condition: (RolloutView) -> Bool
) async throws -> RolloutView {
    let deadline = Date().addingTimeInterval(seconds)
    var last: RolloutView?
    while Date() < deadline {
        if let view = try? await read() {
            if condition(view) { return view }
            last = view
        }
        try await Task.sleep(for: interval)
    }
    throw RolloutWaitTimeout(name: name, what: what, seconds: seconds, last: last?.rollout.status)
}

/// A rollout that did not reach the state waited for.
struct RolloutWaitTimeout: Error, CustomStringConvertible {
    var name: String
    var what: String
    var seconds: Double
    var last: TurnoutCore.RolloutStatus?
    var description: String {
        "timed out waiting for \(name) to be \(what) within \(Int(seconds)) s; last: \(last?.phase?.rawValue ?? "-") \(last?.message ?? "")"
    }
}
