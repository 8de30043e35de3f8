/// A request the API server refused: what was asked, the HTTP code and the decoded `Status` body.
public struct APIFailure: Sendable, Hashable, CustomStringConvertible {
    /// The request that failed.
    public var action: KubernetesAction
    /// The HTTP status code of the response (or the `code` of a watch `ERROR` event).
    public var code: Int
    /// The decoded `Status` body; a status built from the raw body when the server sent something else.
    public var status: APIStatus
    /// How long the server asked to wait before retrying (`Retry-After`, or `details.retryAfterSeconds`).
    public var retryAfter: Duration?

    /// Creates a failure from its parts.
    public init(action: KubernetesAction, code: Int, status: APIStatus, retryAfter: Duration? = nil) {
        self.action = action
        self.code = code
        self.status = status
        self.retryAfter = retryAfter ?? status.details?.retryAfterSeconds.map { .seconds($0) }
    }

    /// The reason the server gave (`Conflict`, `AlreadyExists`, `Invalid`…), if any.
    public var reason: String? { status.reason }

    /// The fields an `Invalid` request got wrong, with what is wrong with each.
    public var causes: [APIStatus.Cause] { status.details?.causes ?? [] }

    /// "patch services default/web: 409 Conflict: the object has been modified…".
    public var description: String {
        var text = "\(action): \(code) \(Self.phrase(for: code))"
        if let message = status.message, !message.isEmpty { text += ": \(message)" }
        if let retryAfter { text += " (retry after \(retryAfter.components.seconds)s)" }
        return text
    }

    /// The standard phrase of an HTTP status code the API server uses.
    static func phrase(for code: Int) -> String {
        switch code {
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 406: "Not Acceptable"
        case 409: "Conflict"
        case 410: "Gone"
        case 413: "Request Entity Too Large"
        case 415: "Unsupported Media Type"
        case 422: "Unprocessable Entity"
        case 429: "Too Many Requests"
        case 500: "Internal Server Error"
        case 501: "Not Implemented"
        case 502: "Bad Gateway"
        case 503: "Service Unavailable"
        case 504: "Gateway Timeout"
        default: "Status"
        }
    }
}
