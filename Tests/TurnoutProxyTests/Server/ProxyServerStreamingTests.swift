import NIOCore
import NIOHTTP1
import Testing
@testable import TurnoutProxy

/// Loopback tests: keep-alive, streaming bodies with backpressure, chunked encoding, 100-continue and upgrades.
@Suite(.serialized) struct ProxyServerStreamingTests {
    @Test func keepAliveReusesOneUpstreamConnection() async throws {
        let upstream = try await TestUpstream.start(name: "web")
        try await ProxyFixture.with(table: .split(stable: [upstream])) { proxy in
            for _ in 0..<3 {
                let connection = try await TestHTTPConnection.connect(port: proxy.port)
                for _ in 0..<10 { #expect(try await connection.request(.GET, "/").text == "web") }
                await connection.close()
            }
            #expect(upstream.requests == 30)
            #expect(upstream.connections == 1)
        }
    }

    @Test func eightMebibyteUploadStreamsThroughAndBackAsChunkedEcho() async throws {
        let upstream = try await TestUpstream.start(name: "web")
        try await ProxyFixture.with(table: .split(stable: [upstream])) { proxy in
            let connection = try await TestHTTPConnection.connect(port: proxy.port)
            let size = 8 * 1024 * 1024
            var body = connection.channel.allocator.buffer(capacity: size)
            for index in 0..<size { body.writeInteger(UInt8(truncatingIfNeeded: index &* 31)) }
            for chunked in [false, true] {
                let response = try await connection.request(.POST, "/echo", body: body, chunked: chunked)
                #expect(response.status == .ok)
                #expect(response.body.readableBytes == size)
                #expect(response.body == body)
            }
        }
    }

    @Test(arguments: ["/size/8388608", "/chunked/8388608"])
    func eightMebibyteDownloadStreams(path: String) async throws {
        let upstream = try await TestUpstream.start(name: "web")
        try await ProxyFixture.with(table: .split(stable: [upstream])) { proxy in
            let connection = try await TestHTTPConnection.connect(port: proxy.port)
            let response = try await connection.request(.GET, path)
            #expect(response.body.readableBytes == 8 * 1024 * 1024)
            #expect(response.body.readableBytesView.allSatisfy { $0 == UInt8(ascii: "x") })
            #expect(try await connection.request(.GET, "/").text == "web")
        }
    }

    @Test func aClientThatStopsReadingStopsTheUpstream() async throws {
        let upstream = try await TestUpstream.start(name: "web")
        try await ProxyFixture.with(table: .split(stable: [upstream])) { proxy in
            let client = try await RawConnection.connect(port: proxy.port, autoRead: false, receiveBuffer: 64 * 1024)
            try await client.send("GET /size/67108864 HTTP/1.1\r\nHost: a\r\n\r\n")
            await eventually("the upstream starts writing") { upstream.bytesWritten > 0 }
            // With the client not reading, socket buffers fill and the proxy must stop reading the upstream.
            var last = -1
            await eventually("the upstream stalls", timeout: .seconds(30)) {
                let now = upstream.bytesWritten
                defer { last = now }
                try? await Task.sleep(for: .milliseconds(100))
                return now == last && upstream.bytesWritten == now
            }
            #expect(upstream.bytesWritten < 32 * 1024 * 1024, "the proxy buffered \(upstream.bytesWritten) bytes for a client that reads nothing")
            let stalledAt = upstream.bytesWritten
            client.startReading()
            await eventually("the upstream resumes once the client reads") { upstream.bytesWritten > stalledAt + 4 * 1024 * 1024 }
            await client.close()
        }
    }

    @Test func expectContinueIsPassedThrough() async throws {
        let upstream = try await TestUpstream.start(name: "web")
        try await ProxyFixture.with(table: .split(stable: [upstream])) { proxy in
            let client = try await RawConnection.connect(port: proxy.port)
            try await client.send("POST /upload HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n")
            await eventually("100 Continue arrives") { client.text.hasPrefix("HTTP/1.1 100 Continue\r\n") }
            #expect(upstream.bodyBytesReceived == 0)
            try await client.send("hello")
            await eventually("the final response arrives") { client.text.contains("HTTP/1.1 200 OK") && client.text.hasSuffix("web") }
            #expect(upstream.bodyBytesReceived == 5)
        }
    }

    @Test func expectContinueRefusedByTheUpstream() async throws {
        let upstream = try await TestUpstream.start(name: "web")
        try await ProxyFixture.with(table: .split(stable: [upstream])) { proxy in
            let client = try await RawConnection.connect(port: proxy.port)
            try await client.send("POST /reject-continue HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n")
            await eventually("417 arrives and the connection closes") { client.text.hasPrefix("HTTP/1.1 417") && client.isClosed }
            #expect(upstream.bodyBytesReceived == 0)
        }
    }

    @Test func webSocketUpgradeIsPassedThroughAsATunnel() async throws {
        let upstream = try await TestUpstream.start(name: "web")
        try await ProxyFixture.with(table: .split(stable: [upstream])) { proxy in
            let client = try await RawConnection.connect(port: proxy.port)
            try await client.send("GET /ws HTTP/1.1\r\nHost: a\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Key: x\r\n\r\n")
            await eventually("101 arrives") { client.text.contains("\r\n\r\n") }
            #expect(client.text.hasPrefix("HTTP/1.1 101 Switching Protocols\r\n"))
            #expect(client.text.lowercased().contains("upgrade: websocket"))
            let afterHead = client.text.count
            try await client.send("ping-1")
            await eventually("the echo comes back") { String(client.text.dropFirst(afterHead)) == "echo:ping-1" }
            try await client.send("ping-2")
            await eventually("the tunnel carries more") { String(client.text.dropFirst(afterHead)) == "echo:ping-1echo:ping-2" }
            let metrics = await proxy.server.metrics()
            #expect(metrics.series(route: "web", revision: "stable")?.count(.informational) == 1)
            await client.close()
        }
    }

    @Test func bytesSentRightAfterTheUpgradeRequestAreNotLost() async throws {
        let upstream = try await TestUpstream.start(name: "web")
        try await ProxyFixture.with(table: .split(stable: [upstream])) { proxy in
            let client = try await RawConnection.connect(port: proxy.port)
            try await client.send("GET /ws HTTP/1.1\r\nHost: a\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n\r\nearly")
            await eventually("the early bytes are echoed") { client.text.hasSuffix("echo:early") }
            #expect(client.text.hasSuffix("echo:early"), "received: \(client.text)")
            await client.close()
        }
    }

    @Test func headResponsesCarryNoBody() async throws {
        let upstream = try await TestUpstream.start(name: "web")
        try await ProxyFixture.with(table: .split(stable: [upstream])) { proxy in
            let connection = try await TestHTTPConnection.connect(port: proxy.port)
            let head = try await connection.request(.HEAD, "/chunked/100")
            #expect(head.status == .ok)
            #expect(head.body.readableBytes == 0)
            #expect(try await connection.request(.GET, "/").text == "web")
        }
    }

    @Test func pipelinedRequestsAreAnsweredInOrder() async throws {
        let upstream = try await TestUpstream.start(name: "web")
        try await ProxyFixture.with(table: .split(stable: [upstream])) { proxy in
            let client = try await RawConnection.connect(port: proxy.port)
            try await client.send("GET /slow/50 HTTP/1.1\r\nHost: a\r\n\r\nGET /headers HTTP/1.1\r\nHost: second\r\n\r\nGET /nowhere HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n")
            await eventually("three responses and a close") { client.isClosed }
            let text = client.text
            #expect(text.components(separatedBy: "HTTP/1.1 200 OK").count == 4)
            let first = try #require(text.range(of: "\r\n\r\nweb"))
            let second = try #require(text.range(of: "Host: second"))
            #expect(first.lowerBound < second.lowerBound)
        }
    }

    @Test func aClientThatHalfClosesStillGetsItsAnswer() async throws {
        let upstream = try await TestUpstream.start(name: "web")
        try await ProxyFixture.with(table: .split(stable: [upstream])) { proxy in
            let client = try await RawConnection.connect(port: proxy.port)
            try await client.send("GET /slow/50 HTTP/1.1\r\nHost: a\r\n\r\n")
            try await client.shutdownOutput()
            await eventually("the answer arrives and the connection closes") { client.isClosed }
            #expect(client.text.hasPrefix("HTTP/1.1 200 OK"))
            #expect(client.text.hasSuffix("web"))
        }
    }

    @Test func http10ClientsGetACloseDelimitedBody() async throws {
        let upstream = try await TestUpstream.start(name: "web")
        try await ProxyFixture.with(table: .split(stable: [upstream])) { proxy in
            let client = try await RawConnection.connect(port: proxy.port)
            try await client.send("GET /chunked/10 HTTP/1.0\r\n\r\n")
            await eventually("the response ends with the connection") { client.isClosed }
            #expect(client.text.hasSuffix("\r\n\r\nxxxxxxxxxx"))
            #expect(!client.text.lowercased().contains("transfer-encoding"))
        }
    }
}
