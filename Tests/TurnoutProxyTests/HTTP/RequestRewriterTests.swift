import NIOHTTP1
import Testing
@testable import TurnoutProxy

@Suite struct RequestRewriterTests {
    private func rewrite(_ headers: [(String, String)], trust: Bool = false, method: HTTPMethod = .GET) throws -> HTTPHeaders {
        var head = HTTPRequestHead(version: .http1_1, method: method, uri: "/", headers: HTTPHeaders(headers))
        let facts = try RequestValidator(limits: ProxyLimits()).validate(head).get()
        RequestRewriter(trustForwardedHeaders: trust).rewrite(&head, facts: facts, clientAddress: "10.0.0.7")
        return head.headers
    }

    @Test func stripsHopByHopHeadersAndThoseNamedInConnection() throws {
        let headers = try rewrite([
            ("Host", "a"), ("Connection", "keep-alive, X-Secret"), ("Keep-Alive", "timeout=5"), ("TE", "trailers"),
            ("Proxy-Connection", "keep-alive"), ("Proxy-Authorization", "Basic x"), ("X-Secret", "s"), ("Trailer", "X"), ("Accept", "*/*"),
        ])
        for name in ["connection", "keep-alive", "te", "proxy-connection", "proxy-authorization", "x-secret", "trailer"] {
            #expect(!headers.contains(name: name), "\(name) should be stripped")
        }
        #expect(headers["accept"] == ["*/*"])
        #expect(headers["host"] == ["a"])
    }

    @Test func replacesUntrustedForwardingHeaders() throws {
        let headers = try rewrite([("Host", "shop.test"), ("X-Forwarded-For", "1.2.3.4"), ("X-Forwarded-Proto", "https"), ("X-Forwarded-Host", "evil"), ("Forwarded", "for=1.2.3.4")])
        #expect(headers["x-forwarded-for"] == ["10.0.0.7"])
        #expect(headers["x-forwarded-proto"] == ["http"])
        #expect(headers["x-forwarded-host"] == ["shop.test"])
        #expect(!headers.contains(name: "forwarded"))
    }

    @Test func appendsToTrustedForwardingHeaders() throws {
        let headers = try rewrite([("Host", "shop.test"), ("X-Forwarded-For", "1.2.3.4"), ("X-Forwarded-For", "5.6.7.8"), ("X-Forwarded-Proto", "https")], trust: true)
        #expect(headers["x-forwarded-for"] == ["1.2.3.4, 5.6.7.8, 10.0.0.7"])
        #expect(headers["x-forwarded-proto"] == ["https"])
        #expect(headers["x-forwarded-host"] == ["shop.test"])
    }

    @Test func restatesChunkedFramingAndUpgrade() throws {
        let chunked = try rewrite([("Host", "a"), ("Transfer-Encoding", "Chunked")], method: .POST)
        #expect(chunked["transfer-encoding"] == ["chunked"])
        let upgrade = try rewrite([("Host", "a"), ("Connection", "Upgrade"), ("Upgrade", "websocket")])
        #expect(upgrade["connection"] == ["upgrade"])
        #expect(upgrade["upgrade"] == ["websocket"])
    }

    @Test func plainRequestsOnlyGainForwardingHeaders() throws {
        let headers = try rewrite([("Host", "a"), ("Accept", "*/*")])
        #expect(headers.map(\.name) == ["Host", "Accept", "X-Forwarded-For", "X-Forwarded-Proto", "X-Forwarded-Host"])
    }
}
