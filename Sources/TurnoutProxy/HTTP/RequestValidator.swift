import NIOHTTP1

/// Checks a request head against the limits and the framing rules that prevent request smuggling.
///
/// Pure: reads the head once and returns what it learned, or why the request must be refused.
struct RequestValidator {
    /// The limits checked.
    let limits: ProxyLimits

    /// Validates `head`; returns the facts later steps need, or the rejection.
    func validate(_ head: HTTPRequestHead) -> Result<RequestFacts, RequestRejection> {
        if head.method == .CONNECT { return .failure(.methodNotAllowed("CONNECT")) }
        let uriLength = head.uri.utf8.count
        if uriLength > limits.maxRequestTargetBytes {
            return .failure(.uriTooLong(length: uriLength, limit: limits.maxRequestTargetBytes))
        }

        var count = 0
        var headerBytes = 0
        var contentLength: Int?
        var transferEncoding: String?
        var hostHeader: String?
        var hostCount = 0
        var connectionUpgrade = false
        var upgradeHeader = false
        var expectsContinue = false
        var needsFiltering = false

        for (name, value) in head.headers {
            count += 1
            headerBytes += name.utf8.count + value.utf8.count + 4
            switch name.utf8.count {
            case 4 where HeaderName.equals(name, "host"):
                hostCount += 1
                hostHeader = value
            case 14 where HeaderName.equals(name, "content-length"):
                for part in value.split(separator: ",", omittingEmptySubsequences: false) {
                    let trimmed = part.trimmingASCIIWhitespace()
                    guard !trimmed.isEmpty, trimmed.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let length = Int(trimmed) else {
                        return .failure(.invalidContentLength)
                    }
                    if let existing = contentLength, existing != length { return .failure(.conflictingContentLengths) }
                    contentLength = length
                }
                needsFiltering = needsFiltering || value.contains(",")
            case 17 where HeaderName.equals(name, "transfer-encoding"):
                transferEncoding = transferEncoding.map { "\($0), \(value)" } ?? value
                needsFiltering = true
            case 10 where HeaderName.equals(name, "connection"):
                if HeaderName.listContains(value, token: "upgrade") { connectionUpgrade = true }
                // Dropping what `Connection` names would remove Host: refused rather than forwarded without it.
                if HeaderName.listContains(value, token: "host") { return .failure(.hostNamedInConnection) }
                needsFiltering = true
            case 7 where HeaderName.equals(name, "upgrade"):
                upgradeHeader = true
                needsFiltering = true
            case 6 where HeaderName.equals(name, "expect"):
                guard HeaderName.equals(value.trimmingCharacters(in: " "), dynamic: "100-continue") else {
                    return .failure(.unsupportedExpectation(value))
                }
                expectsContinue = true
            default:
                if Self.isHopByHop(name) || Self.isForwarded(name) { needsFiltering = true }
            }
        }
        if count > limits.maxHeaderCount { return .failure(.tooManyHeaders(count: count, limit: limits.maxHeaderCount)) }
        if headerBytes > limits.maxHeaderBytes { return .failure(.headersTooLarge(limit: limits.maxHeaderBytes)) }

        let framing: BodyFraming
        switch (contentLength, transferEncoding) {
        case (.some, .some):
            return .failure(.contentLengthWithTransferEncoding)
        case (nil, .some(let coding)):
            // HTTP/1.0 has no chunked coding: a 1.0 message with Transfer-Encoding cannot be framed (RFC 9112 §6.1).
            if head.version.major == 1 && head.version.minor == 0 { return .failure(.transferEncodingOnHTTP10) }
            guard HeaderName.equals(coding.trimmingCharacters(in: " "), dynamic: "chunked") else {
                return .failure(.unsupportedTransferEncoding(coding))
            }
            framing = .chunked
        case (.some(let length), nil):
            framing = length > 0 ? .contentLength(length) : .none
        case (nil, nil):
            framing = .none
        }
        if let limit = limits.maxBodyBytes, case .contentLength(let length) = framing, length > limit {
            return .failure(.bodyTooLarge(limit: limit))
        }
        if hostCount > 1 || (hostCount == 0 && head.version.minor >= 1) { return .failure(.invalidHost) }
        if let hostHeader, !Self.isValidAuthority(hostHeader[...]) { return .failure(.invalidHostValue) }

        let target: RequestTarget
        switch Self.parse(target: head.uri, method: head.method) {
        case .some(let parsed): target = parsed
        case nil: return .failure(.invalidRequestTarget)
        }
        let host: Substring?
        let forwardedHost: String?
        if let authority = target.authority {
            // Absolute form: the target's authority is the Host (RFC 9112 §3.2.2); origin form goes upstream.
            host = Self.routingHost(authority)
            forwardedHost = String(authority)
            needsFiltering = true
        } else {
            host = hostHeader.map { Self.routingHost($0[...]) }
            forwardedHost = hostHeader
        }
        let path = target.path
        return .success(RequestFacts(
            host: host,
            hostHeader: forwardedHost,
            path: path,
            originForm: target.authority == nil ? nil : target.originForm,
            framing: framing,
            isUpgrade: connectionUpgrade && upgradeHeader,
            expectsContinue: expectsContinue,
            keepAlive: head.isKeepAlive,
            isIdempotent: Self.isIdempotent(head.method),
            needsHeaderFiltering: needsFiltering
        ))
    }

    /// Hop-by-hop headers other than the ones `validate` inspects by name (RFC 9110 §7.6.1).
    static func isHopByHop(_ name: String) -> Bool {
        switch name.utf8.count {
        case 2: return HeaderName.equals(name, "te")
        case 7: return HeaderName.equals(name, "trailer") || HeaderName.equals(name, "upgrade")
        case 10: return HeaderName.equals(name, "keep-alive") || HeaderName.equals(name, "connection")
        case 16: return HeaderName.equals(name, "proxy-connection")
        case 17: return HeaderName.equals(name, "transfer-encoding")
        case 18: return HeaderName.equals(name, "proxy-authenticate")
        case 19: return HeaderName.equals(name, "proxy-authorization")
        default: return false
        }
    }

    /// Forwarding headers that a client could forge.
    static func isForwarded(_ name: String) -> Bool {
        switch name.utf8.count {
        case 9: return HeaderName.equals(name, "forwarded") || HeaderName.equals(name, "x-real-ip")
        case 15: return HeaderName.equals(name, "x-forwarded-for")
        case 16: return HeaderName.equals(name, "x-forwarded-host")
        case 17: return HeaderName.equals(name, "x-forwarded-proto")
        default: return false
        }
    }

    /// Whether a method may be retried when no response byte was received (RFC 9110 §9.2.2).
    static func isIdempotent(_ method: HTTPMethod) -> Bool {
        switch method {
        case .GET, .HEAD, .OPTIONS, .TRACE, .PUT, .DELETE: return true
        default: return false
        }
    }

    /// A request target taken apart: the authority of an absolute-form target, the path and the origin form.
    struct RequestTarget: Hashable {
        /// The authority (`host[:port]`) of an absolute-form target; `nil` for origin form and `*`.
        var authority: Substring?
        /// The path (without query or fragment).
        var path: Substring
        /// The path and query, as sent upstream.
        var originForm: Substring
    }

    /// Parses a request target (RFC 9112 §3.2): origin form (`/path?q`), absolute form with an `http` or `https`
    /// scheme and a valid authority without user info, or `*` for `OPTIONS`; `nil` for anything else.
    static func parse(target: String, method: HTTPMethod) -> RequestTarget? {
        let utf8 = target.utf8
        let slash = UInt8(ascii: "/")
        if utf8.first == slash { return RequestTarget(authority: nil, path: pathPart(target[...]), originForm: target[...]) }
        if target == "*" { return method == .OPTIONS ? RequestTarget(authority: nil, path: "*", originForm: "*") : nil }
        guard let schemeEnd = schemeSeparator(in: target) else { return nil }
        let scheme = target[..<target.utf8.index(schemeEnd, offsetBy: -3)]
        guard HeaderName.equals(scheme, dynamic: "http") || HeaderName.equals(scheme, dynamic: "https") else { return nil }
        let afterScheme = target[schemeEnd...]
        let authorityEnd = afterScheme.utf8.firstIndex { $0 == slash || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") } ?? afterScheme.endIndex
        let authority = afterScheme[..<authorityEnd]
        guard !authority.isEmpty, isValidAuthority(authority) else { return nil }
        let rest = afterScheme[authorityEnd...]
        let end = rest.utf8.firstIndex(of: UInt8(ascii: "#")) ?? rest.endIndex
        let originForm: Substring = rest.utf8.first == slash ? rest[..<end] : Substring("/" + rest[..<end])
        return RequestTarget(authority: authority, path: rest.utf8.first == slash ? pathPart(rest) : "/", originForm: originForm)
    }

    /// Whether `value` is a valid `Host` (RFC 9112 §3.2, RFC 3986 §3.2.2): a registered name, an IPv4 address or
    /// a bracketed IPv6 address, with an optional port. No user info (`@`), no path (`/`), no list (`,`), no
    /// spaces inside, nothing outside ASCII.
    static func isValidAuthority(_ value: Substring) -> Bool {
        let trimmed = value.trimmingASCIIWhitespace()
        var utf8 = trimmed.utf8[...]
        guard !utf8.isEmpty else { return false }
        if utf8.first == UInt8(ascii: "[") {
            guard let close = utf8.firstIndex(of: UInt8(ascii: "]")) else { return false }
            let inside = utf8[utf8.index(after: utf8.startIndex)..<close]
            guard !inside.isEmpty, inside.allSatisfy({ isHexDigit($0) || $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: ".") }) else { return false }
            utf8 = utf8[utf8.index(after: close)...]
        } else {
            let nameEnd = utf8.firstIndex(of: UInt8(ascii: ":")) ?? utf8.endIndex
            let name = utf8[..<nameEnd]
            guard !name.isEmpty, name.allSatisfy(isRegNameByte) else { return false }
            utf8 = utf8[nameEnd...]
        }
        guard let colon = utf8.first else { return true }
        guard colon == UInt8(ascii: ":") else { return false }
        let port = utf8.dropFirst()
        return port.count <= 5 && port.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    /// Unreserved, percent and sub-delimiter bytes of a registered name, without `,` (which only a list would hold).
    private static func isRegNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return true
        case UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "%"),
             UInt8(ascii: "!"), UInt8(ascii: "$"), UInt8(ascii: "&"), UInt8(ascii: "'"), UInt8(ascii: "("), UInt8(ascii: ")"),
             UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: ";"), UInt8(ascii: "="):
            return true
        default: return false
        }
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x46) || (byte >= 0x61 && byte <= 0x66)
    }

    private static func pathPart(_ target: Substring) -> Substring {
        let end = target.utf8.firstIndex { $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") } ?? target.endIndex
        return target[..<end]
    }

    /// The index just after `://` in an absolute-form target, if it has one.
    private static func schemeSeparator(in target: String) -> String.Index? {
        let utf8 = target.utf8
        var index = utf8.startIndex
        while index != utf8.endIndex {
            let byte = utf8[index]
            if byte == UInt8(ascii: ":") {
                let rest = utf8[utf8.index(after: index)...]
                guard rest.starts(with: "//".utf8) else { return nil }
                return utf8.index(index, offsetBy: 3)
            }
            let isSchemeByte = (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39)
                || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
            guard isSchemeByte else { return nil }
            index = utf8.index(after: index)
        }
        return nil
    }

    /// A host header value reduced to what routing compares: lowercase, without port or trailing dot.
    static func routingHost(_ value: Substring) -> Substring {
        var host = value.trimmingASCIIWhitespace()
        let utf8 = host.utf8
        if let at = utf8.lastIndex(of: UInt8(ascii: "@")) { host = host[utf8.index(after: at)...] }
        if host.utf8.first == UInt8(ascii: "[") {
            if let close = host.utf8.firstIndex(of: UInt8(ascii: "]")) { host = host[...close] }
        } else if let colon = host.utf8.lastIndex(of: UInt8(ascii: ":")) {
            host = host[..<colon]
        }
        if host.utf8.last == UInt8(ascii: ".") { host = host[..<host.utf8.index(before: host.utf8.endIndex)] }
        if host.utf8.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) { return Substring(host.lowercased()) }
        return host
    }
}
