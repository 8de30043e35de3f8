import TurnoutCore

/// Why the runtime refused or failed a request; each case maps to one HTTP status.
public enum RuntimeServiceError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The named object does not exist (404).
    case notFound(String)
    /// The manifests have errors; nothing was applied (422).
    case invalidManifest(String, diagnostics: [Diagnostic])
    /// The request cannot be carried out as asked, e.g. `retry` of a rollout that is not aborted (400).
    case invalidRequest(String)
    /// Someone else changed the object meanwhile; retrying may succeed (409).
    case conflict(String)
    /// The runtime failed (500).
    case failed(String)

    /// The HTTP status code for this error.
    public var httpStatus: Int {
        switch self {
        case .notFound: return 404
        case .invalidManifest: return 422
        case .invalidRequest: return 400
        case .conflict: return 409
        case .failed: return 500
        }
    }

    /// The message, naming the action and object.
    public var message: String {
        switch self {
        case .notFound(let message), .invalidManifest(let message, _), .invalidRequest(let message), .conflict(let message), .failed(let message):
            return message
        }
    }

    /// The lint diagnostics of a rejected manifest; empty otherwise.
    public var diagnostics: [Diagnostic] {
        if case .invalidManifest(_, let diagnostics) = self { return diagnostics }
        return []
    }

    public var description: String { message }

    /// The error an `ErrorResponse` with a status code describes.
    public init(status: Int, response: ErrorResponse) {
        switch status {
        case 404: self = .notFound(response.error)
        case 422: self = .invalidManifest(response.error, diagnostics: response.diagnostics ?? [])
        case 400: self = .invalidRequest(response.error)
        case 409: self = .conflict(response.error)
        default: self = .failed(response.error)
        }
    }

    /// The JSON body of this error.
    public var response: ErrorResponse {
        ErrorResponse(error: message, diagnostics: diagnostics.isEmpty ? nil : diagnostics)
    }
}
