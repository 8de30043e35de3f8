import NIOHTTP1

/// What the proxy does with the client connection once a response is sent.
struct ResponsePlan: Hashable {
    /// Whether the client connection closes after this response (the client asked, or the body is close-delimited).
    var closeAfterResponse: Bool
    /// Whether the upstream connection may be reused (the upstream did not ask to close).
    var upstreamKeepAlive: Bool
    /// Whether the body goes to the client in chunked encoding.
    var isChunked = false
    /// Why the response's framing cannot be passed on (the proxy answers 502 instead), if it cannot.
    var framingProblem: ResponseFramingProblem?
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
        let (plan, edit) = Self.plan(head, requestMethod: requestMethod, clientVersion: clientVersion, clientKeepAlive: clientKeepAlive, isUpgrade: isUpgrade)
        edit.apply(to: &head.headers)
        head.version = .http1_1
        return plan
    }

    /// Decides the client's response head for `head` without changing it: what happens to the connections, and
    /// the edit that turns the upstream's headers into the client's (the head goes out as HTTP/1.1).
    static func plan(
        _ head: HTTPResponseHead,
        requestMethod: HTTPMethod,
        clientVersion: HTTPVersion,
        clientKeepAlive: Bool,
        isUpgrade: Bool
    ) -> (ResponsePlan, ResponseHeadEdit) {
        let upstreamKeepAlive = head.isKeepAlive
        let code = head.status.code
        let isSwitching = code == 101 && isUpgrade
        let isInformational = code >= 100 && code < 200 && !isSwitching
        var hasContentLength = false
        var contentLength: Substring?
        var transferEncodings = 0
        var framingProblem: ResponseFramingProblem?
        var edit = ResponseHeadEdit()
        var upgradeValue: String?
        for (name, value) in head.headers {
            let member = HopByHopHeaders.member(name)
            if member.isEmpty {
                if HeaderName.equals(name, "content-length") {
                    let trimmed = value[...].trimmingASCIIWhitespace()
                    if !ResponseFramingProblem.isValidContentLength(trimmed) || (contentLength.map { $0 != trimmed } ?? false) {
                        framingProblem = .invalidContentLength
                    }
                    contentLength = trimmed
                    hasContentLength = true
                }
                continue
            }
            edit.removed.formUnion(member)
            switch member {
            case .upgrade:
                if upgradeValue == nil { upgradeValue = value }
            case .transferEncoding:
                transferEncodings += 1
                if transferEncodings > 1 || !HeaderName.equals(value[...].trimmingASCIIWhitespace(), dynamic: "chunked") {
                    framingProblem = .unsupportedTransferEncoding
                }
            case .connection:
                HopByHopHeaders.forEachToken(in: value) { token in
                    // Framing headers are never dropped as hop-by-hop, whatever `Connection` names (RFC 9112 §6).
                    if !HeaderName.equals(token, dynamic: "close"), !HeaderName.equals(token, dynamic: "keep-alive"),
                        !HeaderName.equals(token, dynamic: "upgrade"), !HeaderName.equals(token, dynamic: "content-length"),
                        !HeaderName.equals(token, dynamic: "transfer-encoding") {
                        edit.namedByConnection.append(String(token))
                    }
                }
            default:
                break
            }
        }
        // With both, the length cannot be trusted (RFC 9112 §6.3 calls it a sign of smuggling): refused, never re-framed.
        if hasContentLength && transferEncodings > 0 { framingProblem = .contentLengthWithTransferEncoding }
        if isInformational { return (ResponsePlan(closeAfterResponse: false, upstreamKeepAlive: upstreamKeepAlive), edit) }
        if let framingProblem {
            return (ResponsePlan(closeAfterResponse: true, upstreamKeepAlive: false, framingProblem: framingProblem), edit)
        }
        if isSwitching {
            edit.connection = "upgrade"
            edit.upgrade = upgradeValue
            return (ResponsePlan(closeAfterResponse: false, upstreamKeepAlive: false), edit)
        }

        let bodyless = requestMethod == .HEAD || code == 204 || code == 304 || (code >= 100 && code < 200)
        var closeAfter = !clientKeepAlive || isUpgrade
        var isChunked = false
        if !bodyless && !hasContentLength {
            if clientVersion.major == 1 && clientVersion.minor >= 1 {
                edit.addsChunked = true
                isChunked = true
            } else {
                closeAfter = true
            }
        }
        if closeAfter {
            edit.connection = "close"
        } else if clientVersion.minor == 0 {
            edit.connection = "keep-alive"
        }
        return (ResponsePlan(closeAfterResponse: closeAfter, upstreamKeepAlive: upstreamKeepAlive, isChunked: isChunked), edit)
    }
}
