import NIOHTTP1

/// The proxy's request-head rules (framing, Host, request target, limits) for servers that answer requests
/// themselves, such as the demo app and the local API, so every listener of Turnout refuses the same requests.
public struct RequestHeadCheck: Sendable {
    /// The limits checked.
    public let limits: ProxyLimits

    /// Creates a check with the proxy's limits (`maxBodyBytes` applies to a declared `Content-Length`).
    public init(limits: ProxyLimits = ProxyLimits()) {
        self.limits = limits
    }

    /// Why `head` must be refused, or `nil` when it may be served.
    public func rejection(for head: HTTPRequestHead) -> RequestRejection? {
        switch RequestValidator(limits: limits).validate(head) {
        case .success: return nil
        case .failure(let rejection): return rejection
        }
    }
}
