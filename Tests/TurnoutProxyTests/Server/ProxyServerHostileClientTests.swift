import NIOCore
import Synchronization
import Testing
@testable import TurnoutProxy

/// Loopback tests with a raw-socket client: Host and request-target validation (RFC 9112 §3.2), framing a
/// client may not use, refusals the client can read, and pipelining floods the proxy must hold back.
@Suite struct ProxyServerHostileClientTests {
    /// Sends `request` on a new connection and returns everything received once the proxy closed it.
    private func exchange(_ request: String, port: Int) async throws -> String {
        let client = try await RawConnection.connect(port: port)
        try await client.send(request)
        await eventually("the proxy closes the connection") { client.isClosed }
        return client.text
    }

    @Test(arguments: [
        ("a Host list", "GET / HTTP/1.1\r\nHost: a, b\r\n\r\n"),
        ("a Host with a path", "GET / HTTP/1.1\r\nHost: a/b\r\n\r\n"),
        ("a Host with user info", "GET / HTTP/1.1\r\nHost: user@a\r\n\r\n"),
        ("a Host with a space inside", "GET / HTTP/1.1\r\nHost: a b\r\n\r\n"),
        ("a Host with a bad port", "GET / HTTP/1.1\r\nHost: a:8x\r\n\r\n"),
        ("an empty Host", "GET / HTTP/1.1\r\nHost:\r\n\r\n"),
        ("no Host on HTTP/1.1", "GET / HTTP/1.1\r\nX-A: 1\r\n\r\n"),
        ("two Hosts", "GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n"),
        ("Connection naming Host", "GET / HTTP/1.1\r\nHost: a\r\nConnection: Host\r\n\r\n"),
        ("Transfer-Encoding on HTTP/1.0", "POST / HTTP/1.0\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"),
        ("a tab inside Content-Length", "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 1\t0\r\n\r\n0123456789"),
        ("an absolute target with user info", "GET http://user@b/ HTTP/1.1\r\nHost: a\r\n\r\n"),
        ("an absolute target with another scheme", "GET ftp://b/ HTTP/1.1\r\nHost: a\r\n\r\n"),
        ("a target that is not a path", "GET index.html HTTP/1.1\r\nHost: a\r\n\r\n"),
        ("an asterisk target outside OPTIONS", "GET * HTTP/1.1\r\nHost: a\r\n\r\n"),
    ])
    func refusesWith400AndForwardsNothing(kind: String, request: String) async throws {
        let upstream = try await TestUpstream.start(name: "web")
        try await ProxyFixture.with(table: .split(stable: [upstream])) { proxy in
            let response = try await exchange(request, port: proxy.port)
            #expect(response.hasPrefix("HTTP/1.1 400"), "\(kind): \(response.prefix(120))")
            #expect(upstream.requests == 0, "\(kind) reached the upstream")
        }
    }

    @Test func anAbsoluteFormTargetIsForwardedInOriginFormWithItsAuthorityAsHost() async throws {
        let upstream = try await TestUpstream.start(name: "web")
        try await ProxyFixture.with(table: .split(stable: [upstream])) { proxy in
            let response = try await exchange("GET http://b.test:81/headers HTTP/1.1\r\nHost: a.test\r\nConnection: close\r\n\r\n", port: proxy.port)
            #expect(response.hasPrefix("HTTP/1.1 200"), "\(response)")
            #expect(upstream.paths == ["/headers"])
            let lines = response.components(separatedBy: "\r\n\r\n").last?.split(separator: "\n").map(String.init) ?? []
            #expect(lines.filter { $0.lowercased().hasPrefix("host:") } == ["Host: b.test:81"], "\(lines)")
            #expect(lines.contains("X-Forwarded-Host: b.test:81"))
        }
    }

    @Test func anHTTP10RequestWithoutHostGoesUpstreamWithOne() async throws {
        let upstream = try await TestUpstream.start(name: "web")
        try await ProxyFixture.with(table: .split(stable: [upstream])) { proxy in
            let response = try await exchange("GET /headers HTTP/1.0\r\n\r\n", port: proxy.port)
            #expect(response.hasPrefix("HTTP/1.1 200"), "\(response)")
            #expect(response.contains("Host: \(upstream.address)"), "\(response)")
        }
    }

    @Test func anOversizedHeadGets431AndAGracefulClose() async throws {
        let upstream = try await TestUpstream.start(name: "web")
        try await ProxyFixture.with(table: .split(stable: [upstream]), configure: { $0.limits.maxHeaderBytes = 4_096 }) { proxy in
            let client = try await RawConnection.connect(port: proxy.port)
            // More bytes follow the oversized head: closing with them unread would reset the connection.
            let head = "GET / HTTP/1.1\r\nHost: a\r\nX-Big: \(String(repeating: "a", count: 8_000))\r\n"
            try await client.send(head + String(repeating: "X-More: \(String(repeating: "b", count: 100))\r\n", count: 600))
            await eventually("the proxy closes the connection") { client.isClosed }
            #expect(client.text.hasPrefix("HTTP/1.1 431"), "\(client.text.prefix(80))")
            #expect(client.text.contains("Connection: close"))
            #expect(client.errors.isEmpty, "the connection was reset: \(client.errors)")
            #expect(upstream.requests == 0)
        }
    }

    /// 64 KiB of pipelined GETs.
    private static let floodChunk = String(repeating: "GET / HTTP/1.1\r\nHost: a\r\n\r\n", count: 2_400)

    @Test func aPipeliningClientThatReadsNothingIsHeldBack() async throws {
        let upstream = try await TestUpstream.start(name: "web")
        try await ProxyFixture.with(table: .split(stable: [upstream])) { proxy in
            let client = try await RawConnection.connect(port: proxy.port, autoRead: false, receiveBuffer: 4_096)
            let chunk = client.channel.allocator.buffer(string: Self.floodChunk)
            let chunks = 256  // 16 MiB, about 620,000 requests
            let written = Mutex(0)
            let writer = Task {
                for _ in 0..<chunks {
                    try await client.send(chunk)
                    written.withLock { $0 += 1 }
                }
            }
            // The proxy stops reading: the socket buffers fill and the client's writes stop completing (no write
            // completes for a second).
            let clock = ContinuousClock()
            var lastWritten = -1
            var unchangedSince = clock.now
            await eventually("the sender is blocked", timeout: .seconds(60)) {
                let now = written.withLock { $0 }
                if now != lastWritten {
                    lastWritten = now
                    unchangedSince = clock.now
                    return false
                }
                return now == chunks || clock.now - unchangedSince > .seconds(1)
            }
            let stalledAt = upstream.requests
            #expect(written.withLock { $0 } < chunks, "every write completed: the proxy read everything")
            // What reached the upstream is bounded by the answers the socket buffers and the outbound watermark
            // hold, not by what the client sent.
            #expect(stalledAt < 20_000, "\(stalledAt) requests forwarded")
            await client.close()
            _ = await writer.result
            await eventually("the exchange in flight ends") {
                await proxy.server.metrics().series.allSatisfy { $0.inFlight == 0 }
            }
            let afterClose = upstream.requests
            #expect(afterClose <= stalledAt + 2 * ClientReadGate.sliceBytes / 27, "queued requests went on after the client left")
        }
    }

    @Test func aPipeliningClientThatStartsReadingGetsEveryAnswerInOrder() async throws {
        let upstream = try await TestUpstream.start(name: "web")
        try await ProxyFixture.with(table: .split(stable: [upstream])) { proxy in
            let client = try await RawConnection.connect(port: proxy.port, autoRead: false, receiveBuffer: 4_096)
            let count = 3_000
            let requests = (0..<count).map { "GET /n\($0) HTTP/1.1\r\nHost: a\r\n\r\n" }.joined()
            try await client.send(requests + "GET /last HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n")
            await eventually("the proxy stops answering a client that does not read") { !upstream.paths.isEmpty }
            client.startReading()
            await eventually("every answer arrives", timeout: .seconds(60)) { client.isClosed }
            #expect(upstream.paths.count == count + 1)
            #expect(upstream.paths == (0..<count).map { "/n\($0)" } + ["/last"])
            #expect(client.text.components(separatedBy: "HTTP/1.1 200 OK").count - 1 == count + 1)
        }
    }
}
