import NIOHTTP1

/// Turns a client's request head into the head sent upstream: hop-by-hop headers removed, framing restated,
/// `X-Forwarded-For/-Proto/-Host` set (appended to the client's only when they are trusted).
///
/// Pure: a decision on values.
struct RequestRewriter {
    /// Whether client-sent forwarding headers are kept and appended to.
    let trustForwardedHeaders: Bool

    /// Rewrites `head` in place for the upstream. `clientAddress` is the client's IP as text; `fallbackHost` is
    /// the `Host` sent for a request that has none (HTTP/1.0), since the request goes upstream as HTTP/1.1.
    func rewrite(_ head: inout HTTPRequestHead, facts: RequestFacts, clientAddress: String, fallbackHost: @autoclosure () -> String = "localhost") {
        var forwardedFor: String?
        var forwardedProto: String?
        var forwardedHost: String?
        var upgradeValue: String?
        if facts.needsHeaderFiltering {
            var connectionTokens: [Substring] = []
            for (name, value) in head.headers where HeaderName.equals(name, "connection") {
                for token in value.split(separator: ",") {
                    let trimmed = token.trimmingASCIIWhitespace()
                    if !HeaderName.equals(trimmed, dynamic: "close"), !HeaderName.equals(trimmed, dynamic: "keep-alive"),
                        !HeaderName.equals(trimmed, dynamic: "upgrade") {
                        connectionTokens.append(trimmed)
                    }
                }
            }
            var kept: [(String, String)] = []
            kept.reserveCapacity(head.headers.count + 3)
            for (name, value) in head.headers {
                if HeaderName.equals(name, "upgrade") {
                    upgradeValue = value
                    continue
                }
                if RequestValidator.isHopByHop(name) { continue }
                if HeaderName.equals(name, "content-length") {
                    if case .contentLength(let length) = facts.framing { kept.append((name, String(length))) }
                    continue
                }
                if RequestValidator.isForwarded(name) {
                    guard trustForwardedHeaders else { continue }
                    if HeaderName.equals(name, "x-forwarded-for") {
                        forwardedFor = forwardedFor.map { "\($0), \(value)" } ?? value
                        continue
                    }
                    if HeaderName.equals(name, "x-forwarded-proto") { forwardedProto = value }
                    if HeaderName.equals(name, "x-forwarded-host") { forwardedHost = value }
                }
                if HeaderName.equals(name, "host") {
                    // An absolute-form target's authority replaces the Host header (RFC 9112 §3.2.2).
                    kept.append((name, facts.originForm == nil ? value : facts.hostHeader ?? value))
                    continue
                }
                if !connectionTokens.isEmpty, connectionTokens.contains(where: { HeaderName.equals(name, dynamic: $0) }) { continue }
                kept.append((name, value))
            }
            head.headers = HTTPHeaders(kept)
        } else {
            // The list is shared with the decoded request: one copy with room for the headers added below.
            head.headers.reserveCapacity(head.headers.count + 5)
        }
        if let originForm = facts.originForm { head.uri = String(originForm) }
        if facts.hostHeader == nil {
            head.headers.add(name: "Host", value: fallbackHost())
        } else if facts.originForm != nil, !head.headers.contains(name: "host"), let host = facts.hostHeader {
            head.headers.add(name: "Host", value: host)
        }
        if case .chunked = facts.framing { head.headers.add(name: "Transfer-Encoding", value: "chunked") }
        if facts.isUpgrade, let upgradeValue {
            head.headers.add(name: "Connection", value: "upgrade")
            head.headers.add(name: "Upgrade", value: upgradeValue)
        }
        head.headers.add(name: "X-Forwarded-For", value: forwardedFor.map { "\($0), \(clientAddress)" } ?? clientAddress)
        if forwardedProto == nil { head.headers.add(name: "X-Forwarded-Proto", value: "http") }
        if forwardedHost == nil, let host = facts.hostHeader { head.headers.add(name: "X-Forwarded-Host", value: host) }
        head.version = .http1_1
    }
}
