import TurnoutCore
import TurnoutService

extension LocalRuntime {
    /// Applies an operation to the rollout's spec or status in one transaction and looks at the rollout at once.
    public func perform(_ operation: RolloutOperationName, onRollout name: String, _ request: OperationRequest) async throws(RuntimeServiceError) -> RolloutView {
        let change = try operation.operation(request)
        return try await serving("\(operation.rawValue) rollout \(name)") {
            let rollout = try existingRollout(name, for: operation.rawValue)
            let revisions = try await supervisor.revisions(of: rollout)
            let now = configuration.clock.now()
            try store.modifyRollout(named: name) { rollout in
                rollout = try rollout.applying(change, revisions: revisions, now: now)
            }
            await loop.wake(name)
            notifyWatchers(of: name)
            return try await view(ofRollout: name)
        }
    }
}
