/// How a request body is delimited.
enum BodyFraming: Hashable {
    /// No body.
    case none
    /// Exactly this many bytes.
    case contentLength(Int)
    /// Chunked transfer coding.
    case chunked

    /// Whether a body follows the head.
    var hasBody: Bool {
        switch self {
        case .none: return false
        case .contentLength(let length): return length > 0
        case .chunked: return true
        }
    }
}

/// What validation learned about a request head, so later steps need not read the headers again.
struct RequestFacts: Hashable {
    /// The host to route on: lowercase, without port; `nil` when absent.
    var host: Substring?
    /// The `Host` the request names (the header, or the authority of an absolute-form target): forwarded as
    /// `Host` and `X-Forwarded-Host`.
    var hostHeader: String?
    /// The path (the target without query or fragment).
    var path: Substring
    /// The origin-form target to send upstream when the client sent an absolute-form one; `nil` otherwise.
    var originForm: Substring?
    /// How the body is delimited.
    var framing: BodyFraming
    /// Whether the client asks for a protocol upgrade (`Connection: upgrade` plus `Upgrade`).
    var isUpgrade: Bool
    /// Whether the client sent `Expect: 100-continue`.
    var expectsContinue: Bool
    /// Whether the client wants the connection kept open after this exchange.
    var keepAlive: Bool
    /// Whether the method is idempotent (safe to retry when nothing was answered yet).
    var isIdempotent: Bool
    /// Whether the header section holds anything the rewriter must remove (hop-by-hop or forwarded headers).
    var needsHeaderFiltering: Bool
}
