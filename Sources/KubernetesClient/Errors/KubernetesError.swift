import Foundation

/// Why a Kubernetes API request failed: the server's refusal by kind, or a failure before an answer arrived.
public enum KubernetesError: Error, Sendable, Hashable, CustomStringConvertible {
    /// 400: the request was malformed (a bad selector, an undecodable body).
    case badRequest(APIFailure)
    /// 401: no valid credentials.
    case unauthorized(APIFailure)
    /// 403: the credentials may not do this.
    case forbidden(APIFailure)
    /// 404: the object (or its namespace, or the resource type) does not exist.
    case notFound(APIFailure)
    /// 409 with reason `AlreadyExists`: create of a name that is taken.
    case alreadyExists(APIFailure)
    /// 409: the resourceVersion sent is stale, or another conflicting change; re-read and retry.
    case conflict(APIFailure)
    /// 410 (or reason `Expired`): the resourceVersion asked for is too old (watch or list continue); relist.
    case gone(APIFailure)
    /// 422: the object failed validation; `APIFailure.causes` names the fields.
    case invalid(APIFailure)
    /// 429: throttled; `APIFailure.retryAfter` says when to come back.
    case tooManyRequests(APIFailure)
    /// 5xx: the server (or something before it) failed.
    case serverError(APIFailure)
    /// Any other refusal (405, 406, 413, 415…).
    case unexpectedStatus(APIFailure)
    /// No answer: connection refused or reset, TLS failure, timeout.
    case transport(KubernetesAction, message: String)
    /// An answer that could not be read as the expected JSON.
    case undecodableResponse(KubernetesAction, message: String)
    /// Credentials for the request could not be obtained (token file unreadable, exec plugin failed).
    case credentials(KubernetesAction, message: String)

    /// Classifies a refusal by its HTTP code and `Status.reason`.
    public init(_ failure: APIFailure) {
        switch (failure.code, failure.status.reason) {
        case (409, "AlreadyExists"): self = .alreadyExists(failure)
        case (_, "Expired"), (410, _): self = .gone(failure)
        case (400, _): self = .badRequest(failure)
        case (401, _): self = .unauthorized(failure)
        case (403, _): self = .forbidden(failure)
        case (404, _): self = .notFound(failure)
        case (409, _): self = .conflict(failure)
        case (422, _): self = .invalid(failure)
        case (429, _): self = .tooManyRequests(failure)
        case (500...599, _): self = .serverError(failure)
        default: self = .unexpectedStatus(failure)
        }
    }

    /// The server's refusal, for the cases that have one.
    public var failure: APIFailure? {
        switch self {
        case .badRequest(let failure), .unauthorized(let failure), .forbidden(let failure), .notFound(let failure),
            .alreadyExists(let failure), .conflict(let failure), .gone(let failure), .invalid(let failure),
            .tooManyRequests(let failure), .serverError(let failure), .unexpectedStatus(let failure):
            return failure
        case .transport, .undecodableResponse, .credentials:
            return nil
        }
    }

    /// The request that failed.
    public var action: KubernetesAction {
        switch self {
        case .badRequest(let failure), .unauthorized(let failure), .forbidden(let failure), .notFound(let failure),
            .alreadyExists(let failure), .conflict(let failure), .gone(let failure), .invalid(let failure),
            .tooManyRequests(let failure), .serverError(let failure), .unexpectedStatus(let failure):
            return failure.action
        case .transport(let action, _), .undecodableResponse(let action, _), .credentials(let action, _):
            return action
        }
    }

    /// Whether sending the same request again later can succeed: throttling, server errors other than
    /// 501, and transport failures. A conflict is not: the caller must re-read the object first.
    public var isRetryable: Bool {
        switch self {
        case .tooManyRequests, .transport: return true
        case .serverError(let failure): return failure.code != 501
        case .badRequest, .unauthorized, .forbidden, .notFound, .alreadyExists, .conflict, .gone, .invalid,
            .unexpectedStatus, .undecodableResponse, .credentials:
            return false
        }
    }

    /// How long to wait before retrying, when the server said.
    public var retryAfter: Duration? { failure?.retryAfter }

    /// The message naming the action, the object, the code and the server's explanation.
    public var description: String {
        switch self {
        case .badRequest(let failure), .unauthorized(let failure), .forbidden(let failure), .notFound(let failure),
            .alreadyExists(let failure), .conflict(let failure), .gone(let failure), .invalid(let failure),
            .tooManyRequests(let failure), .serverError(let failure), .unexpectedStatus(let failure):
            return failure.description
        case .transport(let action, let message): return "\(action): no answer from the API server: \(message)"
        case .undecodableResponse(let action, let message): return "\(action): unreadable response: \(message)"
        case .credentials(let action, let message): return "\(action): no credentials: \(message)"
        }
    }
}

extension KubernetesError: LocalizedError {
    /// The same text as `description`.
    public var errorDescription: String? { description }
}

extension KubernetesError {
    /// Builds the error for a refused response from its code, `Retry-After` header and raw body.
    ///
    /// A body that is not a `Status` (a proxy's HTML page, plain text) becomes the status message, trimmed.
    public static func refusal(
        action: KubernetesAction, code: Int, retryAfterHeader: String?, body: [UInt8]
    ) -> KubernetesError {
        let status: APIStatus
        if let decoded = try? JSONDecoder().decode(APIStatus.self, from: Data(body)), decoded.isStatusObject {
            status = decoded
        } else {
            let text = String(decoding: body.prefix(512), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            status = APIStatus(message: text.isEmpty ? nil : text, reason: nil, code: code)
        }
        let retryAfter = retryAfterHeader.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }.map {
            Duration.seconds($0)
        }
        return KubernetesError(APIFailure(action: action, code: code, status: status, retryAfter: retryAfter))
    }
}

extension APIStatus {
    /// Whether a decoded body carried any `Status` field at all (an arbitrary JSON object decodes as all-nil).
    var isStatusObject: Bool { status != nil || message != nil || reason != nil || code != nil }
}
