import NIOHTTP1

/// How an upstream's response head changes on its way to the client, decided without touching the head:
/// which headers are dropped and which are added.
///
/// The proxy applies it while writing the head as bytes (`ResponseEncoding.writeHead(_:edit:into:)`), so the
/// decoded header list is never copied or rebuilt; `apply(to:)` does the same to a header list (for tests and
/// the rare informational responses).
struct ResponseHeadEdit: Hashable {
    /// Hop-by-hop headers present in the head; every header of these kinds is dropped.
    var removed: HopByHopHeaders = []
    /// Further headers the `Connection` header names (dropped too).
    var namedByConnection: [String] = []
    /// Whether `Transfer-Encoding: chunked` is added (the proxy re-chunks the body for the client).
    var addsChunked = false
    /// The value of a `Connection` header added for the client (`upgrade`, `close`, `keep-alive`), if any.
    var connection: String?
    /// The value of an `Upgrade` header added after `Connection: upgrade`, if any.
    var upgrade: String?

    /// Whether the head goes out with every header as received (only additions, if any).
    var keepsEveryHeader: Bool { removed.isEmpty }

    /// Whether the header `name` goes to the client.
    func keeps(_ name: String) -> Bool {
        if keepsEveryHeader { return true }
        if !HopByHopHeaders.member(name).isEmpty { return false }
        if !namedByConnection.isEmpty, namedByConnection.contains(where: { HeaderName.equals(name, dynamic: $0) }) { return false }
        return true
    }

    /// Calls `body` with each header added for the client, in order.
    func forEachAddition(_ body: (String, String) -> Void) {
        if addsChunked { body("Transfer-Encoding", "chunked") }
        if let connection { body("Connection", connection) }
        if let upgrade { body("Upgrade", upgrade) }
    }

    /// Applies the edit to a header list.
    func apply(to headers: inout HTTPHeaders) {
        if !keepsEveryHeader {
            var kept = HTTPHeaders()
            kept.reserveCapacity(headers.count + 2)
            for (name, value) in headers where keeps(name) { kept.add(name: name, value: value) }
            headers = kept
        }
        forEachAddition { headers.add(name: $0, value: $1) }
    }
}
