import NIOHTTP1
import Testing
@testable import TurnoutProxy

@Suite struct ResponseRewriterTests {
    private func rewrite(
        _ headers: [(String, String)], status: HTTPResponseStatus = .ok, method: HTTPMethod = .GET,
        version: HTTPVersion = .http1_1, keepAlive: Bool = true, upgrade: Bool = false
    ) -> (HTTPHeaders, ResponsePlan) {
        var head = HTTPResponseHead(version: .http1_1, status: status, headers: HTTPHeaders(headers))
        let plan = ResponseRewriter.rewrite(&head, requestMethod: method, clientVersion: version, clientKeepAlive: keepAlive, isUpgrade: upgrade)
        return (head.headers, plan)
    }

    @Test func keepsContentLengthAndStripsHopByHop() {
        let (headers, plan) = rewrite([("Content-Length", "3"), ("Connection", "keep-alive"), ("Keep-Alive", "timeout=5")])
        #expect(headers["content-length"] == ["3"])
        #expect(!headers.contains(name: "keep-alive"))
        #expect(!headers.contains(name: "connection"))
        #expect(plan == ResponsePlan(closeAfterResponse: false, upstreamKeepAlive: true))
    }

    @Test func rechunksForHTTP11AndClosesForHTTP10() {
        let (chunked, plan11) = rewrite([("Transfer-Encoding", "chunked")])
        #expect(chunked["transfer-encoding"] == ["chunked"])
        #expect(!plan11.closeAfterResponse)
        let (closeDelimited, plan10) = rewrite([("Transfer-Encoding", "chunked")], version: .http1_0)
        #expect(!closeDelimited.contains(name: "transfer-encoding"))
        #expect(closeDelimited["connection"] == ["close"])
        #expect(plan10.closeAfterResponse)
    }

    @Test(arguments: [(HTTPMethod.HEAD, HTTPResponseStatus.ok), (.GET, .noContent), (.GET, .notModified)])
    func bodylessResponsesGetNoChunkedFraming(method: HTTPMethod, status: HTTPResponseStatus) {
        let (headers, _) = rewrite([("Transfer-Encoding", "chunked")], status: status, method: method)
        #expect(!headers.contains(name: "transfer-encoding"))
    }

    @Test(arguments: [
        ([("Content-Length", "5"), ("Transfer-Encoding", "chunked")], ResponseFramingProblem.contentLengthWithTransferEncoding),
        ([("Transfer-Encoding", "chunked"), ("Content-Length", "5")], .contentLengthWithTransferEncoding),
        ([("Content-Length", "2"), ("Content-Length", "3")], .invalidContentLength),
        ([("Content-Length", "2, 2")], .invalidContentLength),
        ([("Content-Length", "1\t2")], .invalidContentLength),
        ([("Content-Length", "+2")], .invalidContentLength),
        ([("Content-Length", "")], .invalidContentLength),
        ([("Transfer-Encoding", "gzip")], .unsupportedTransferEncoding),
        ([("Transfer-Encoding", "gzip, chunked")], .unsupportedTransferEncoding),
        ([("Transfer-Encoding", "chunked"), ("Transfer-Encoding", "chunked")], .unsupportedTransferEncoding),
    ])
    func ambiguousFramingIsAProblem(headers: [(String, String)], problem: ResponseFramingProblem) {
        let (_, plan) = rewrite(headers)
        #expect(plan.framingProblem == problem)
        #expect(!plan.upstreamKeepAlive)
    }

    @Test(arguments: [[("Content-Length", "2")], [("Content-Length", " 2\t")], [("Content-Length", "2"), ("Content-Length", "2")], [("Transfer-Encoding", "Chunked")]])
    func validFramingIsNoProblem(headers: [(String, String)]) {
        #expect(rewrite(headers).1.framingProblem == nil)
    }

    @Test func framingHeadersNamedByConnectionAreKept() {
        let (headers, plan) = rewrite([("Connection", "Content-Length, Transfer-Encoding, X-Hop"), ("Content-Length", "2"), ("X-Hop", "1")])
        #expect(headers["content-length"] == ["2"])
        #expect(!headers.contains(name: "x-hop"))
        #expect(!headers.contains(name: "transfer-encoding"))
        #expect(plan.framingProblem == nil)
    }

    @Test func upstreamCloseDoesNotCloseTheClient() {
        let (headers, plan) = rewrite([("Content-Length", "0"), ("Connection", "close")])
        #expect(!headers.contains(name: "connection"))
        #expect(plan == ResponsePlan(closeAfterResponse: false, upstreamKeepAlive: false))
    }

    @Test func clientCloseAndHTTP10KeepAlive() {
        #expect(rewrite([("Content-Length", "0")], keepAlive: false).0["connection"] == ["close"])
        #expect(rewrite([("Content-Length", "0")], version: .http1_0).0["connection"] == ["keep-alive"])
    }

    @Test func switchingProtocolsKeepsUpgradeHeaders() {
        let (headers, _) = rewrite([("Connection", "Upgrade"), ("Upgrade", "websocket"), ("Sec-WebSocket-Accept", "x")], status: .switchingProtocols, upgrade: true)
        #expect(headers["connection"] == ["upgrade"])
        #expect(headers["upgrade"] == ["websocket"])
        #expect(headers["sec-websocket-accept"] == ["x"])
    }

    @Test func refusedUpgradeClosesTheClient() {
        #expect(rewrite([("Content-Length", "0")], upgrade: true).1.closeAfterResponse)
    }
}
