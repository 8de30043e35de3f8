import NIOHTTP1
import Testing
@testable import TurnoutProxy

@Suite struct RequestValidatorTests {
    private let validator = RequestValidator(limits: ProxyLimits(maxRequestTargetBytes: 64, maxHeaderBytes: 256, maxHeaderCount: 8, maxBodyBytes: 1_000))

    private func head(_ headers: [(String, String)], uri: String = "/", method: HTTPMethod = .GET, version: HTTPVersion = .http1_1) -> HTTPRequestHead {
        HTTPRequestHead(version: version, method: method, uri: uri, headers: HTTPHeaders(headers))
    }

    @Test(arguments: [
        ([("Host", "a"), ("Content-Length", "5"), ("Transfer-Encoding", "chunked")], RequestRejection.contentLengthWithTransferEncoding),
        ([("Host", "a"), ("Content-Length", "5"), ("Content-Length", "6")], .conflictingContentLengths),
        ([("Host", "a"), ("Content-Length", "5, 6")], .conflictingContentLengths),
        ([("Host", "a"), ("Content-Length", "-1")], .invalidContentLength),
        ([("Host", "a"), ("Content-Length", "0x10")], .invalidContentLength),
        ([("Host", "a"), ("Content-Length", "")], .invalidContentLength),
        ([("Host", "a"), ("Transfer-Encoding", "gzip, chunked")], .unsupportedTransferEncoding("gzip, chunked")),
        ([("Host", "a"), ("Transfer-Encoding", "chunked"), ("Transfer-Encoding", "chunked")], .unsupportedTransferEncoding("chunked, chunked")),
        ([("Host", "a"), ("Transfer-Encoding", "xchunked")], .unsupportedTransferEncoding("xchunked")),
        ([("Host", "a"), ("Host", "b")], .invalidHost),
        ([], .invalidHost),
        ([("Host", "a, b")], .invalidHostValue),
        ([("Host", "a/b")], .invalidHostValue),
        ([("Host", "u@a")], .invalidHostValue),
        ([("Host", "")], .invalidHostValue),
        ([("Host", "[::1")], .invalidHostValue),
        ([("Host", "a:1:2")], .invalidHostValue),
        ([("Host", "a"), ("Connection", "keep-alive, Host")], .hostNamedInConnection),
        ([("Host", "a"), ("Content-Length", "1\t2")], .invalidContentLength),
        ([("Host", "a"), ("Content-Length", "1001")], .bodyTooLarge(limit: 1_000)),
        ([("Host", "a"), ("Expect", "something-else")], .unsupportedExpectation("something-else")),
        ([("Host", "a")] + (1...8).map { ("X-\($0)", "v") }, .tooManyHeaders(count: 9, limit: 8)),
        ([("Host", "a"), ("X-Big", String(repeating: "b", count: 300))], .headersTooLarge(limit: 256)),
    ] as [([(String, String)], RequestRejection)])
    func rejectsSmugglingAndLimits(headers: [(String, String)], expected: RequestRejection) {
        #expect(validator.validate(head(headers)) == .failure(expected))
    }

    @Test func rejectsLongTargetsAndConnect() {
        #expect(validator.validate(head([("Host", "a")], uri: "/" + String(repeating: "a", count: 64))) == .failure(.uriTooLong(length: 65, limit: 64)))
        #expect(validator.validate(head([("Host", "a:443")], uri: "a:443", method: .CONNECT)) == .failure(.methodNotAllowed("CONNECT")))
    }

    @Test(arguments: [
        (RequestRejection.contentLengthWithTransferEncoding, 400), (.headersTooLarge(limit: 1), 431), (.tooManyHeaders(count: 2, limit: 1), 431),
        (.uriTooLong(length: 2, limit: 1), 414), (.bodyTooLarge(limit: 1), 413), (.headerTimeout, 408), (.unsupportedExpectation("x"), 417),
    ])
    func rejectionsMapToStatuses(rejection: RequestRejection, status: Int) {
        #expect(Int(rejection.status.code) == status)
    }

    @Test func learnsFramingHostPathAndIntent() throws {
        let facts = try validator.validate(head([("Host", "Shop.Example.com:8080"), ("Content-Length", "12"), ("Expect", "100-continue")], uri: "/cart/1?x=2", method: .POST)).get()
        #expect(facts.host == "shop.example.com")
        #expect(facts.path == "/cart/1")
        #expect(facts.framing == .contentLength(12))
        #expect(facts.expectsContinue)
        #expect(!facts.isIdempotent)
        #expect(facts.keepAlive)
    }

    @Test func sameContentLengthTwiceIsAccepted() throws {
        let facts = try validator.validate(head([("Host", "a"), ("Content-Length", "3"), ("Content-Length", "3")], method: .PUT)).get()
        #expect(facts.framing == .contentLength(3))
        #expect(facts.isIdempotent)
    }

    @Test func upgradeNeedsBothHeaders() throws {
        #expect(try validator.validate(head([("Host", "a"), ("Connection", "Upgrade"), ("Upgrade", "websocket")])).get().isUpgrade)
        #expect(try !validator.validate(head([("Host", "a"), ("Upgrade", "websocket")])).get().isUpgrade)
    }

    @Test func absoluteFormTargetsRouteOnTheirHost() throws {
        let facts = try validator.validate(head([("Host", "ignored")], uri: "http://API.test:81/v1?q")).get()
        #expect(facts.host == "api.test")
        #expect(facts.path == "/v1")
    }

    @Test(arguments: ["a", "A.example.com:8080", "[::1]:80", "127.0.0.1", "x_y-z.test", " a "])
    func acceptsValidHosts(host: String) throws {
        #expect(throws: Never.self) { try validator.validate(head([("Host", host)])).get() }
    }

    @Test func transferEncodingOnHTTP10IsRefused() {
        #expect(validator.validate(head([("Host", "a"), ("Transfer-Encoding", "chunked")], method: .POST, version: .http1_0)) == .failure(.transferEncodingOnHTTP10))
    }

    @Test(arguments: ["http://u@b/", "ftp://b/", "index.html", "*", "http:///x", "http://a, b/"])
    func refusesInvalidTargets(uri: String) {
        #expect(validator.validate(head([("Host", "a")], uri: uri)) == .failure(.invalidRequestTarget))
    }

    @Test func absoluteFormTargetsForwardTheirOriginForm() throws {
        let facts = try validator.validate(head([("Host", "ignored")], uri: "HTTPS://b.test?q#f")).get()
        #expect(facts.originForm == "/?q")
        #expect(facts.hostHeader == "b.test")
        #expect(try validator.validate(head([("Host", "a")], uri: "*", method: .OPTIONS)).get().originForm == nil)
    }

    @Test func http10WithoutHostIsAccepted() throws {
        let facts = try validator.validate(head([], version: .http1_0)).get()
        #expect(facts.host == nil)
        #expect(!facts.keepAlive)
    }
}
