import NIOCore
import NIOHTTP1
import Testing
@testable import TurnoutProxy

/// Loopback tests: limits, timeouts and request smuggling attempts, each on the wire.
@Suite struct ProxyServerHardeningTests {
    private static func strict(_ configuration: inout ProxyConfiguration) {
        configuration.limits = ProxyLimits(maxRequestTargetBytes: 1_024, maxHeaderBytes: 4_096, maxHeaderCount: 20, maxBodyBytes: 1_000)
    }

    /// One short timeout, the others long, so a loaded machine cannot trip the wrong one.
    private static func short(_ timeout: WritableKeyPath<ProxyTimeouts, Duration>, _ value: Duration) -> (inout ProxyConfiguration) -> Void {
        { configuration in configuration.timeouts[keyPath: timeout] = value }
    }

    /// Sends `request` on a new connection and returns everything received once the proxy closed it.
    private func exchange(_ request: String, port: Int) async throws -> String {
        let client = try await RawConnection.connect(port: port)
        try await client.send(request)
        await eventually("the proxy closes the connection") { client.isClosed }
        return client.text
    }

    @Test(arguments: [
        ("header section over the byte limit", "GET / HTTP/1.1\r\nHost: a\r\nX-Big: \(String(repeating: "a", count: 5_000))\r\n\r\n", "HTTP/1.1 431"),
        ("more fields than the limit", "GET / HTTP/1.1\r\nHost: a\r\n" + (0..<25).map { "X-\($0): v\r\n" }.joined() + "\r\n", "HTTP/1.1 431"),
        ("a header far over the decoder limit", "GET / HTTP/1.1\r\nHost: a\r\nX-Huge: \(String(repeating: "a", count: 12_000))\r\n\r\n", "HTTP/1.1 431"),
        ("request target over the limit", "GET /\(String(repeating: "a", count: 1_100)) HTTP/1.1\r\nHost: a\r\n\r\n", "HTTP/1.1 414"),
        ("Content-Length and Transfer-Encoding", "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\nGET /smuggled HTTP/1.1\r\nHost: a\r\n\r\n", "HTTP/1.1 400"),
        ("conflicting Content-Lengths", "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello!GET /smuggled HTTP/1.1\r\nHost: a\r\n\r\n", "HTTP/1.1 400"),
        ("a Transfer-Encoding other than chunked", "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip\r\n\r\n", "HTTP/1.1 400"),
        ("garbage", "HELLO\r\n\r\n", "HTTP/1.1 400"),
        ("a broken chunk size", "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n0\r\n\r\n", "HTTP/1.1 400"),
        ("no Host", "GET / HTTP/1.1\r\n\r\n", "HTTP/1.1 400"),
        ("a declared body over the limit", "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5000\r\n\r\n", "HTTP/1.1 413"),
        ("CONNECT", "CONNECT a:443 HTTP/1.1\r\nHost: a:443\r\n\r\n", "HTTP/1.1 405"),
    ])
    func refusesAndCloses(attack: String, request: String, expectedStatusLine: String) async throws {
        let upstream = try await TestUpstream.start(name: "web")
        try await ProxyFixture.with(table: .split(stable: [upstream]), configure: Self.strict) { proxy in
            let response = try await exchange(request, port: proxy.port)
            #expect(response.hasPrefix(expectedStatusLine), "\(attack): \(response.prefix(120))")
            #expect(response.lowercased().contains("connection: close"), "\(attack)")
            #expect(!upstream.paths.contains("/smuggled"), "\(attack) reached the upstream")
            let metrics = await proxy.server.metrics()
            let refused = metrics.series.reduce(0) { $0 + $1.count(.clientError) + $1.count(.serverError) }
            #expect(refused == 1, "\(attack) counted \(refused) times")
        }
    }

    @Test func chunkedBodyOverTheLimitIs413() async throws {
        let upstream = try await TestUpstream.start(name: "web")
        try await ProxyFixture.with(table: .split(stable: [upstream]), configure: Self.strict) { proxy in
            let chunk = String(repeating: "b", count: 600)
            let response = try await exchange("POST /echo HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n258\r\n\(chunk)\r\n258\r\n\(chunk)\r\n0\r\n\r\n", port: proxy.port)
            // The echo may have started the response; then the connection is cut instead.
            #expect(response.hasPrefix("HTTP/1.1 413") || response.hasPrefix("HTTP/1.1 200"))
            #expect(upstream.bodyBytesReceived <= 1_000)
        }
    }

    @Test func slowlorisHeadTimesOutWith408() async throws {
        let upstream = try await TestUpstream.start(name: "web")
        try await ProxyFixture.with(table: .split(stable: [upstream]), configure: Self.short(\.requestHead, .milliseconds(300))) { proxy in
            let client = try await RawConnection.connect(port: proxy.port)
            try await client.send("GET / HTTP/1.1\r\nHost: a\r\n")
            // On a loaded machine the proxy may already have given up; then this write fails, which is fine.
            try? await client.send("X-Slow: 1\r\n")
            await eventually("the proxy gives up on the head", timeout: .seconds(5)) { client.isClosed }
            #expect(client.text.hasPrefix("HTTP/1.1 408"))
            #expect(upstream.requests == 0)
        }
    }

    @Test func stalledBodyTimesOutWith408() async throws {
        let upstream = try await TestUpstream.start(name: "web")
        try await ProxyFixture.with(table: .split(stable: [upstream]), configure: Self.short(\.requestBody, .milliseconds(300))) { proxy in
            let client = try await RawConnection.connect(port: proxy.port)
            try await client.send("POST /upload HTTP/1.1\r\nHost: a\r\nContent-Length: 10\r\n\r\nabc")
            await eventually("the proxy gives up on the body", timeout: .seconds(5)) { client.isClosed }
            #expect(client.text.hasPrefix("HTTP/1.1 408"))
        }
    }

    @Test func idleKeepAliveConnectionsClose() async throws {
        let upstream = try await TestUpstream.start(name: "web")
        try await ProxyFixture.with(table: .split(stable: [upstream]), configure: Self.short(\.clientIdle, .seconds(5))) { proxy in
            // 5 s, not less: the whole suite runs in parallel on two cores, and a request that reaches the proxy
            // after the idle limit is rightly refused.
            let connection = try await TestHTTPConnection.connect(port: proxy.port)
            #expect(try await connection.request(.GET, "/").text == "web")
            await eventually("the idle connection closes", timeout: .seconds(20)) { connection.isClosed }
            let silent = try await RawConnection.connect(port: proxy.port)
            await eventually("a connection that never sends closes", timeout: .seconds(20)) { silent.isClosed }
            #expect(silent.text.isEmpty)
        }
    }

    @Test func upstreamTimeoutIs504AndTheConnectionStaysUsable() async throws {
        let upstream = try await TestUpstream.start(name: "web")
        try await ProxyFixture.with(table: .split(stable: [upstream]), configure: Self.short(\.upstreamResponse, .seconds(1))) { proxy in
            let connection = try await TestHTTPConnection.connect(port: proxy.port)
            let response = try await connection.request(.GET, "/hang")
            #expect(response.status == .gatewayTimeout)
            #expect(response.text.contains("did not respond"))
            #expect(!response.text.contains(upstream.address))
            #expect(try await connection.request(.GET, "/").text == "web")
            let metrics = await proxy.server.metrics()
            #expect(metrics.series(route: "web", revision: "stable")?.upstreamTimeouts == 1)
        }
    }

    @Test func refusedUpstreamIs502() async throws {
        let dead = try await TestUpstream.start(name: "dead")
        await dead.stop()
        try await ProxyFixture.with(table: .split(stable: [dead])) { proxy in
            let response = try await fetch(port: proxy.port, "/")
            #expect(response.status == .badGateway)
            #expect(response.text.contains("could not connect to the upstream"))
            // The upstream's address is for the log, not for clients.
            #expect(!response.text.contains(dead.address))
            let metrics = await proxy.server.metrics()
            #expect(metrics.series(route: "web", revision: "stable")?.connectErrors == 1)
        }
    }

    @Test func idempotentRequestsAreRetriedOnceOnAnotherUpstream() async throws {
        let dead = try await TestUpstream.start(name: "dead")
        await dead.stop()
        let alive = try await TestUpstream.start(name: "alive")
        try await ProxyFixture.with(table: .split(stable: [dead, alive])) { proxy in
            let connection = try await TestHTTPConnection.connect(port: proxy.port)
            // Round-robin picks the dead replica for every request here (the retry moves the rotation past the
            // live one): GETs are retried on the live one, a POST is not.
            #expect(try await connection.request(.GET, "/").text == "alive")
            #expect(try await connection.request(.GET, "/").text == "alive")
            let post = try await connection.request(.POST, "/", body: connection.channel.allocator.buffer(string: "x"))
            #expect(post.status == .badGateway)
            #expect(alive.requests == 2)
            let metrics = await proxy.server.metrics()
            #expect(metrics.series(route: "web", revision: "stable")?.connectErrors == 3)
        }
    }

    @Test func aReusedConnectionTheUpstreamDroppedIsRetriedOnAFreshOne() async throws {
        let upstream = try await TestUpstream.start(name: "web")
        try await ProxyFixture.with(table: .split(stable: [upstream])) { proxy in
            let connection = try await TestHTTPConnection.connect(port: proxy.port)
            #expect(try await connection.request(.GET, "/once").text == "web")
            #expect(try await connection.request(.GET, "/").text == "web")
            #expect(upstream.connections == 2)
        }
    }

    @Test func upstreamCuttingAResponseShortClosesTheClient() async throws {
        let upstream = try await TestUpstream.start(name: "web")
        try await ProxyFixture.with(table: .split(stable: [upstream])) { proxy in
            let client = try await RawConnection.connect(port: proxy.port)
            try await client.send("GET /cut HTTP/1.1\r\nHost: a\r\n\r\n")
            await eventually("the client connection closes") { client.isClosed }
            #expect(client.text.hasPrefix("HTTP/1.1 200"))
            #expect(client.text.hasSuffix("partial"))
        }
    }
}
