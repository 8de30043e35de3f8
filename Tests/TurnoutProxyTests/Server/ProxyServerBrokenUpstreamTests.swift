import Testing
@testable import TurnoutProxy

/// Loopback tests with a raw-socket upstream that answers with exact bytes: framing the proxy must refuse
/// (RFC 9112 §6, §7), framing it must keep, and responses cut short or out of protocol.
@Suite struct ProxyServerBrokenUpstreamTests {
    /// Runs `body` with a proxy in front of an upstream that answers `responses` in order.
    private func withUpstream(
        _ responses: [String], closeAfterEach: Bool = false,
        _ body: (ProxyFixture, ScriptedUpstream) async throws -> Void
    ) async throws {
        let upstream = try await ScriptedUpstream.start(responses: responses, closeAfterEach: closeAfterEach)
        try await ProxyFixture.with(table: .scripted(upstream)) { proxy in
            try await body(proxy, upstream)
        }
        await upstream.stop()
    }

    /// Sends `request` and returns what arrived once the proxy closed the connection.
    private func roundTrip(_ request: String, port: Int) async throws -> String {
        let client = try await RawConnection.connect(port: port)
        try await client.send(request)
        await eventually("the proxy closes the connection") { client.isClosed }
        return client.text
    }

    @Test(arguments: [
        ("Content-Length and chunked", "HTTP/1.1 200 OK\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 8\r\n\r\nsmuggled"),
        ("chunked and Content-Length", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Length: 30\r\n\r\n0\r\n\r\n"),
        ("two different Content-Lengths", "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\nabc"),
        ("a Content-Length list", "HTTP/1.1 200 OK\r\nContent-Length: 2, 3\r\n\r\nabc"),
        ("a letter in Content-Length", "HTTP/1.1 200 OK\r\nContent-Length: 2a\r\n\r\nab"),
        ("a tab inside Content-Length", "HTTP/1.1 200 OK\r\nContent-Length: 1\t2\r\n\r\nab"),
        ("a negative Content-Length", "HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\nab"),
        ("Transfer-Encoding gzip", "HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\n\r\nabc"),
        ("Transfer-Encoding gzip, chunked", "HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n"),
        ("an obfuscated Transfer-Encoding", "HTTP/1.1 200 OK\r\nTransfer-Encoding: xchunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n"),
        ("not HTTP", "HELLO\r\n\r\n"),
        ("an unsolicited 101", "HTTP/1.1 101 Switching Protocols\r\nConnection: upgrade\r\nUpgrade: websocket\r\n\r\n"),
    ])
    func ambiguousOrInvalidFramingIs502AndTheUpstreamConnectionCloses(kind: String, response: String) async throws {
        try await withUpstream([response, "HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\nnext"]) { proxy, upstream in
            let client = try await RawConnection.connect(port: proxy.port)
            try await client.send("GET /first HTTP/1.1\r\nHost: a\r\n\r\n")
            await eventually("\(kind): the proxy answers") { client.text.contains("\r\n\r\n") }
            #expect(client.text.hasPrefix("HTTP/1.1 502"), "\(kind): \(client.text.prefix(80))")
            #expect(!client.text.contains("smuggled"), "\(kind)")
            #expect(!client.text.contains(upstream.address), "\(kind): the address leaked")
            // Nothing was retried, and the broken connection is not reused for the next request.
            #expect(upstream.heads.count == 1, "\(kind)")
            let response = try await roundTrip("GET /second HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n", port: proxy.port)
            #expect(response.hasPrefix("HTTP/1.1 200") && response.hasSuffix("next"), "\(kind): \(response)")
            #expect(upstream.connections == 2, "\(kind)")
            await client.close()
        }
    }

    @Test func framingHeadersNamedInConnectionAreKept() async throws {
        let responses = [
            "HTTP/1.1 200 OK\r\nConnection: Content-Length\r\nContent-Length: 2\r\n\r\nok",
            "HTTP/1.1 200 OK\r\nConnection: Transfer-Encoding, X-Gone\r\nX-Gone: 1\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nhi\r\n0\r\n\r\n",
            "HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\nlast",
        ]
        try await withUpstream(responses) { proxy, _ in
            let client = try await RawConnection.connect(port: proxy.port)
            try await client.send("GET /1 HTTP/1.1\r\nHost: a\r\n\r\nGET /2 HTTP/1.1\r\nHost: a\r\n\r\nGET /3 HTTP/1.1\r\nHost: a\r\n\r\n")
            await eventually("three responses arrive") { client.text.hasSuffix("last") }
            let responses = client.text.components(separatedBy: "HTTP/1.1 200 OK\r\n").dropFirst()
            #expect(responses.count == 3)
            let first = responses.first ?? ""
            #expect(first.contains("Content-Length: 2\r\n") && first.hasSuffix("\r\n\r\nok"), "\(first)")
            let second = responses.dropFirst().first ?? ""
            #expect(second.contains("Transfer-Encoding: chunked\r\n") && second.hasSuffix("2\r\nhi\r\n0\r\n\r\n"), "\(second)")
            #expect(!second.contains("X-Gone"))
            await client.close()
        }
    }

    @Test func aTruncatedResponseClosesTheClient() async throws {
        try await withUpstream(["HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\npartial"], closeAfterEach: true) { proxy, _ in
            let client = try await RawConnection.connect(port: proxy.port)
            try await client.send("GET / HTTP/1.1\r\nHost: a\r\n\r\n")
            await eventually("the client connection closes") { client.isClosed }
            #expect(client.text.hasPrefix("HTTP/1.1 200"))
            #expect(client.text.hasSuffix("partial"))
        }
    }

    @Test func aTruncatedChunkedResponseClosesTheClientWithoutTheLastChunk() async throws {
        try await withUpstream(["HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhel"], closeAfterEach: true) { proxy, _ in
            let client = try await RawConnection.connect(port: proxy.port)
            try await client.send("GET / HTTP/1.1\r\nHost: a\r\n\r\n")
            await eventually("the client connection closes") { client.isClosed }
            #expect(client.text.hasPrefix("HTTP/1.1 200"))
            #expect(!client.text.hasSuffix("0\r\n\r\n"), "a cut response must not look complete")
        }
    }

    @Test func a100ContinueThenTheAnswerReachesOnlyAClientThatAskedForIt() async throws {
        let answer = "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\ndone"
        try await withUpstream([answer]) { proxy, _ in
            let unasked = try await roundTrip("GET / HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n", port: proxy.port)
            #expect(unasked.hasPrefix("HTTP/1.1 200") && unasked.hasSuffix("done"), "\(unasked)")
            let asked = try await roundTrip("POST / HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nContent-Length: 2\r\nConnection: close\r\n\r\nab", port: proxy.port)
            #expect(asked.hasPrefix("HTTP/1.1 100 Continue\r\n"), "\(asked)")
            #expect(asked.contains("HTTP/1.1 200 OK") && asked.hasSuffix("done"), "\(asked)")
        }
    }

    @Test func aCloseDelimitedResponseIsRechunkedAndItsConnectionNotReused() async throws {
        try await withUpstream(["HTTP/1.1 200 OK\r\n\r\nuntil close"], closeAfterEach: true) { proxy, upstream in
            let connection = try await TestHTTPConnection.connect(port: proxy.port)
            #expect(try await connection.request(.GET, "/").text == "until close")
            #expect(try await connection.request(.GET, "/").text == "until close")
            #expect(upstream.connections == 2)
        }
    }
}
