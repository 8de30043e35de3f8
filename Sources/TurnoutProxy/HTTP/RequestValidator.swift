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

        let (targetHost, path) = Self.split(target: head.uri)
        let host = targetHost ?? hostHeader.map { Self.routingHost($0[...]) }
        return .success(RequestFacts(
            host: host,
            hostHeader: hostHeader,
            path: path,
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

    /// The host (from an absolute-form target) and the path of a request target.
    static func split(target: String) -> (host: Substring?, path: Substring) {
        let utf8 = target.utf8
        let slash = UInt8(ascii: "/")
        if utf8.first != slash, let schemeEnd = Self.schemeSeparator(in: target) {
            let afterScheme = target[schemeEnd...]
            let authorityEnd = afterScheme.utf8.firstIndex { $0 == slash || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") } ?? afterScheme.endIndex
            let host = routingHost(afterScheme[..<authorityEnd])
            let rest = afterScheme[authorityEnd...]
            guard rest.utf8.first == slash else { return (host, "/") }
            return (host, Self.pathPart(rest))
        }
        return (nil, Self.pathPart(target[...]))
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
