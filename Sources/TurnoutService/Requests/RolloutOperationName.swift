import TurnoutCore

/// The operations `POST /api/v1/rollouts/{name}/{operation}` accepts, by their path component.
public enum RolloutOperationName: String, Sendable, Codable, CaseIterable {
    case promote, abort, retry, undo, pause, resume, restart
    case setImage = "set-image"

    /// The core operation this name and body ask for; throws when the body lacks what it needs.
    public func operation(_ request: OperationRequest) throws(RuntimeServiceError) -> RolloutOperation {
        switch self {
        case .promote: return .promote(full: request.full ?? false)
        case .abort: return .abort
        case .retry: return .retry
        case .undo: return .undo(toRevision: request.toRevision)
        case .pause: return .pause
        case .resume: return .resume
        case .restart: return .restart
        case .setImage:
            guard let container = request.container, !container.isEmpty, let image = request.image, !image.isEmpty else {
                throw .invalidRequest("set image: give both container and image, e.g. {\"container\": \"web\", \"image\": \"argoproj/rollouts-demo:green\"}")
            }
            return .setImage(container: container, image: image)
        }
    }
}
