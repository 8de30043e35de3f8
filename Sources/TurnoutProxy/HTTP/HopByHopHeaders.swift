import NIOHTTP1

/// The hop-by-hop headers (RFC 9110 §7.6.1) as a bit set, so a message can be checked in one pass (the proxy
/// then leaves them out while writing the head; see `ResponseHeadEdit`).
struct HopByHopHeaders: OptionSet, Hashable {
    let rawValue: UInt16

    static let connection = HopByHopHeaders(rawValue: 1 << 0)
    static let keepAlive = HopByHopHeaders(rawValue: 1 << 1)
    static let proxyConnection = HopByHopHeaders(rawValue: 1 << 2)
    static let te = HopByHopHeaders(rawValue: 1 << 3)
    static let trailer = HopByHopHeaders(rawValue: 1 << 4)
    static let transferEncoding = HopByHopHeaders(rawValue: 1 << 5)
    static let upgrade = HopByHopHeaders(rawValue: 1 << 6)
    static let proxyAuthenticate = HopByHopHeaders(rawValue: 1 << 7)
    static let proxyAuthorization = HopByHopHeaders(rawValue: 1 << 8)

    /// The member for a header name, or an empty set when the header is end-to-end.
    static func member(_ name: String) -> HopByHopHeaders {
        switch name.utf8.count {
        case 2: return HeaderName.equals(name, "te") ? .te : []
        case 7:
            if HeaderName.equals(name, "trailer") { return .trailer }
            return HeaderName.equals(name, "upgrade") ? .upgrade : []
        case 10:
            if HeaderName.equals(name, "connection") { return .connection }
            return HeaderName.equals(name, "keep-alive") ? .keepAlive : []
        case 16: return HeaderName.equals(name, "proxy-connection") ? .proxyConnection : []
        case 17: return HeaderName.equals(name, "transfer-encoding") ? .transferEncoding : []
        case 18: return HeaderName.equals(name, "proxy-authenticate") ? .proxyAuthenticate : []
        case 19: return HeaderName.equals(name, "proxy-authorization") ? .proxyAuthorization : []
        default: return []
        }
    }

    /// Calls `body` with each trimmed, non-empty token of a comma-separated value, without allocating.
    static func forEachToken(in value: String, _ body: (Substring) -> Void) {
        var rest = value[...]
        while !rest.isEmpty {
            let end = rest.utf8.firstIndex(of: UInt8(ascii: ",")) ?? rest.endIndex
            let token = rest[rest.startIndex..<end].trimmingASCIIWhitespace()
            if !token.isEmpty { body(token) }
            rest = end == rest.endIndex ? rest[end...] : rest[rest.utf8.index(after: end)...]
        }
    }
}
