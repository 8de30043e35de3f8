import NIOHTTP1

/// What the proxy does with the client connection once a response is sent.
struct ResponsePlan: Hashable {
    /// Whether the client connection closes after this response (the client asked, or the body is close-delimited).
    var closeAfterResponse: Bool
    /// Whether the upstream connection may be reused (the upstream did not ask to close).
    var upstreamKeepAlive: Bool
    /// Whether the body goes to the client in chunked encoding.
    var isChunked = false
}

/// Turns an upstream's response head into the head sent to the client: hop-by-hop headers removed and
/// framing restated for the client's HTTP version.
///
/// Pure: a decision on values.
enum ResponseRewriter {
    /// Rewrites `head` in place. `requestMethod` and `clientVersion` come from the client's request,
    /// `clientKeepAlive` from its `Connection` header, `isUpgrade` when this answers an upgrade request.
    static func rewrite(
        _ head: inout HTTPResponseHead,
        requestMethod: HTTPMethod,
        clientVersion: HTTPVersion,
        clientKeepAlive: Bool,
        isUpgrade: Bool
    ) -> ResponsePlan {
        let upstreamKeepAlive = head.isKeepAlive
        let code = head.status.code
        let isSwitching = code == 101 && isUpgrade
        let isInformational = code >= 100 && code < 200 && !isSwitching
        var hasContentLength = false
        var present: HopByHopHeaders = []
        for (name, _) in head.headers {
            present.formUnion(HopByHopHeaders.member(name))
            if HeaderName.equals(name, "content-length") { hasContentLength = true }
        }
        let hasTransferEncoding = present.contains(.transferEncoding)
        // With both, the body was decoded as chunked (RFC 9112 §6.3): the length must not reach the client.
        let dropContentLength = hasContentLength && hasTransferEncoding
        if dropContentLength { hasContentLength = false }
        var upgradeValue: String?
        if !present.isEmpty {
            // In place: the common case is one `Connection: keep-alive` to drop, not worth a new list.
            if isSwitching { upgradeValue = head.headers.first(name: "upgrade") }
            present.remove(from: &head.headers)
        }
        if dropContentLength { head.headers.remove(name: "content-length") }
        head.version = .http1_1
        if isInformational { return ResponsePlan(closeAfterResponse: false, upstreamKeepAlive: upstreamKeepAlive) }
        if isSwitching {
            head.headers.add(name: "Connection", value: "upgrade")
            if let upgradeValue { head.headers.add(name: "Upgrade", value: upgradeValue) }
            return ResponsePlan(closeAfterResponse: false, upstreamKeepAlive: false)
        }

        let bodyless = requestMethod == .HEAD || code == 204 || code == 304 || (code >= 100 && code < 200)
        var closeAfter = !clientKeepAlive || isUpgrade
        var isChunked = false
        if !bodyless && !hasContentLength {
            if clientVersion.major == 1 && clientVersion.minor >= 1 {
                head.headers.add(name: "Transfer-Encoding", value: "chunked")
                isChunked = true
            } else {
                closeAfter = true
            }
        }
        if closeAfter {
            head.headers.add(name: "Connection", value: "close")
        } else if clientVersion.minor == 0 {
            head.headers.add(name: "Connection", value: "keep-alive")
        }
        return ResponsePlan(closeAfterResponse: closeAfter, upstreamKeepAlive: upstreamKeepAlive, isChunked: isChunked)
    }
}
