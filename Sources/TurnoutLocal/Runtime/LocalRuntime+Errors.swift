import TurnoutCore
import TurnoutService

extension LocalRuntime {
    /// Runs `body`, turning store, operation and other failures into the API's errors naming `action`.
    func serving<T>(_ action: String, _ body: () async throws -> T) async throws(RuntimeServiceError) -> T {
        guard !isStopped else { throw .failed("\(action): the runtime is stopping") }
        do {
            return try await body()
        } catch let error as RuntimeServiceError {
            throw error
        } catch let error as LocalStoreError {
            switch error {
            case .rolloutNotFound, .analysisRunNotFound:
                throw .notFound(error.description)
            case .conflict:
                throw .conflict(error.description)
            case .invalidObject, .unsupportedNamespace, .duplicateObject:
                throw .invalidRequest(error.description)
            case .stateDirectory, .encoding, .corruptRow, .database:
                throw .failed(error.description)
            }
        } catch let error as RolloutOperationError {
            throw .invalidRequest(error.description)
        } catch {
            throw .failed("\(action): \(error)")
        }
    }

    /// The rollout with a name, or `notFound` naming the action.
    func existingRollout(_ name: String, for action: String) throws -> Rollout {
        guard !isStopped else { throw RuntimeServiceError.failed("\(action) rollout \(name): the runtime is stopping") }
        guard let rollout = try store.rollout(named: name) else {
            throw RuntimeServiceError.notFound("\(action) rollout \(name): no such rollout; `turnout list` shows the rollouts")
        }
        return rollout
    }
}
