import NIOHTTP1

/// Why the proxy answers a request itself instead of forwarding it; each case maps to one status.
public enum RequestRejection: Error, Sendable, Hashable, CustomStringConvertible {
    /// The request target is longer than the limit (414).
    case uriTooLong(length: Int, limit: Int)
    /// The header section is larger than the limit (431).
    case headersTooLarge(limit: Int)
    /// There are more header fields than the limit (431).
    case tooManyHeaders(count: Int, limit: Int)
    /// Both `Content-Length` and `Transfer-Encoding` are present: a smuggling attempt (400).
    case contentLengthWithTransferEncoding
    /// Several `Content-Length` values disagree (400).
    case conflictingContentLengths
    /// A `Content-Length` is not a non-negative integer (400).
    case invalidContentLength
    /// `Transfer-Encoding` is anything but a single `chunked` (400).
    case unsupportedTransferEncoding(String)
    /// An HTTP/1.1 request without `Host`, or with several (400).
    case invalidHost
    /// A `Host` that is not one valid `host[:port]`: a list, user info, a path, spaces (400).
    case invalidHostValue
    /// `Connection` names `Host`, which would remove it on the way upstream (400).
    case hostNamedInConnection
    /// `Transfer-Encoding` on an HTTP/1.0 request, which cannot carry it (400).
    case transferEncodingOnHTTP10
    /// A request target that is neither origin form, absolute `http(s)` form nor `*` for `OPTIONS` (400).
    case invalidRequestTarget
    /// The body is larger than the configured limit (413).
    case bodyTooLarge(limit: Int)
    /// An `Expect` other than `100-continue` (417).
    case unsupportedExpectation(String)
    /// A method the proxy does not forward or a server does not serve, such as `CONNECT` (405).
    case methodNotAllowed(String)
    /// The request could not be parsed (400).
    case malformed(String)
    /// The request head did not arrive in time (408).
    case headerTimeout
    /// The request body stalled (408).
    case bodyTimeout

    /// The status the proxy answers with.
    public var status: HTTPResponseStatus {
        switch self {
        case .uriTooLong: return .uriTooLong
        case .headersTooLarge, .tooManyHeaders: return .requestHeaderFieldsTooLarge
        case .contentLengthWithTransferEncoding, .conflictingContentLengths, .invalidContentLength,
             .unsupportedTransferEncoding, .invalidHost, .invalidHostValue, .hostNamedInConnection, .transferEncodingOnHTTP10,
             .invalidRequestTarget, .malformed:
            return .badRequest
        case .bodyTooLarge: return .payloadTooLarge
        case .unsupportedExpectation: return .expectationFailed
        case .methodNotAllowed: return .methodNotAllowed
        case .headerTimeout, .bodyTimeout: return .requestTimeout
        }
    }

    /// A one-line explanation for the response body and the log.
    public var description: String {
        switch self {
        case .uriTooLong(let length, let limit): return "request target is \(length) bytes, over the limit of \(limit)"
        case .headersTooLarge(let limit): return "request headers exceed the limit of \(limit) bytes"
        case .tooManyHeaders(let count, let limit): return "request has \(count) header fields, over the limit of \(limit)"
        case .contentLengthWithTransferEncoding: return "request has both Content-Length and Transfer-Encoding"
        case .conflictingContentLengths: return "request has conflicting Content-Length values"
        case .invalidContentLength: return "request Content-Length is not a non-negative integer"
        case .unsupportedTransferEncoding(let value): return "request Transfer-Encoding '\(value)' is not supported; only chunked is"
        case .invalidHost: return "request needs exactly one Host header"
        case .invalidHostValue: return "request Host is not a valid host[:port]"
        case .hostNamedInConnection: return "request Connection names Host"
        case .transferEncodingOnHTTP10: return "request is HTTP/1.0 with Transfer-Encoding"
        case .invalidRequestTarget: return "request target is not a path, an http(s) URL or * for OPTIONS"
        case .bodyTooLarge(let limit): return "request body exceeds the limit of \(limit) bytes"
        case .unsupportedExpectation(let value): return "request Expect '\(value)' is not supported; only 100-continue is"
        case .methodNotAllowed(let method): return "method \(method) is not served here"
        case .malformed(let reason): return "request is malformed: \(reason)"
        case .headerTimeout: return "request head did not arrive in time"
        case .bodyTimeout: return "request body stalled"
        }
    }
}
