import NIOCore
import NIOHTTP1
import Testing
@testable import TurnoutProxy

/// The proxy writes response heads through `ResponseHeadEdit` without rebuilding the header list; the bytes
/// must be exactly those of the rewritten head.
@Suite struct ResponseHeadEditTests {
    private static let cases: [(headers: [(String, String)], status: HTTPResponseStatus, method: HTTPMethod, version: HTTPVersion, keepAlive: Bool, upgrade: Bool)] = [
        ([("Server", "nginx"), ("Content-Length", "3"), ("Connection", "keep-alive")], .ok, .GET, .http1_1, true, false),
        ([("Content-Length", "3"), ("Connection", "keep-alive, X-Private"), ("X-Private", "1"), ("Keep-Alive", "timeout=5")], .ok, .GET, .http1_1, true, false),
        ([("Transfer-Encoding", "chunked"), ("Content-Type", "text/plain")], .ok, .GET, .http1_1, true, false),
        ([("Transfer-Encoding", "chunked")], .ok, .GET, .http1_0, true, false),
        ([("Content-Length", "5"), ("Transfer-Encoding", "chunked"), ("Trailer", "X-Sum")], .ok, .GET, .http1_1, true, false),
        ([("Content-Length", "0")], .ok, .GET, .http1_1, false, false),
        ([("Content-Length", "0")], .ok, .GET, .http1_0, true, false),
        ([("Transfer-Encoding", "chunked")], .noContent, .GET, .http1_1, true, false),
        ([("Content-Length", "10")], .ok, .HEAD, .http1_1, true, false),
        ([("Connection", "Upgrade"), ("Upgrade", "websocket"), ("Sec-WebSocket-Accept", "x")], .switchingProtocols, .GET, .http1_1, true, true),
        ([("Content-Length", "0")], .ok, .GET, .http1_1, true, true),
        ([], .custom(code: 599, reasonPhrase: "Odd"), .POST, .http1_1, true, false),
    ]

    @Test(arguments: cases.indices)
    func writingWithTheEditEqualsWritingTheRewrittenHead(index: Int) {
        let item = Self.cases[index]
        let head = HTTPResponseHead(version: .http1_1, status: item.status, headers: HTTPHeaders(item.headers))
        let (plan, edit) = ResponseRewriter.plan(head, requestMethod: item.method, clientVersion: item.version, clientKeepAlive: item.keepAlive, isUpgrade: item.upgrade)

        var rewritten = head
        let rewritePlan = ResponseRewriter.rewrite(&rewritten, requestMethod: item.method, clientVersion: item.version, clientKeepAlive: item.keepAlive, isUpgrade: item.upgrade)
        var expected = ByteBuffer()
        ResponseEncoding.writeHead(rewritten, into: &expected)
        var written = ByteBuffer()
        ResponseEncoding.writeHead(head, edit: edit, into: &written)

        #expect(plan == rewritePlan)
        #expect(String(buffer: written) == String(buffer: expected))
    }

    @Test func headersNamedByConnectionAreDropped() {
        let head = HTTPResponseHead(version: .http1_1, status: .ok, headers: HTTPHeaders([
            ("Content-Length", "1"), ("Connection", "x-hop, close"), ("X-Hop", "a"), ("X-Kept", "b"),
        ]))
        let (_, edit) = ResponseRewriter.plan(head, requestMethod: .GET, clientVersion: .http1_1, clientKeepAlive: true, isUpgrade: false)
        var written = ByteBuffer()
        ResponseEncoding.writeHead(head, edit: edit, into: &written)
        #expect(String(buffer: written) == "HTTP/1.1 200 OK\r\nContent-Length: 1\r\nX-Kept: b\r\n\r\n")
    }
}
