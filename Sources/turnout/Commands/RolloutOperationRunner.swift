import TurnoutRendering
import TurnoutService

/// Performs one rollout operation through the API and confirms it like `kubectl argo rollouts`.
enum RolloutOperationRunner {
    /// Sends the operation and prints `rollout 'NAME' DONE` and the status afterwards.
    static func run(_ operation: RolloutOperationName, rollout name: String, request: OperationRequest = OperationRequest(), done: String, runtime: RuntimeOptions) async throws {
        let view = try await runtime.withRuntime { try await $0.perform(operation, onRollout: name, request) }
        Terminal.write("rollout '\(name)' \(done)")
        Terminal.writeError(view.progressLine())
    }
}
