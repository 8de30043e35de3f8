import Foundation
import Hummingbird
import Logging
import NIOCore
import Testing
import TurnoutDemoApp
import TurnoutHTTPServer
import TurnoutProxy
import TurnoutServer

/// Loopback tests: Hummingbird servers built with `.guardedHTTP1()` refuse what the proxy refuses, on the wire,
/// before the application sees the request; Turnout's own servers (demo app, file server, probes) use it.
@Suite struct GuardedHTTPServerTests {
    static let headTimeout = Duration.milliseconds(300)

    /// A server answering `GET /` with `ok`, with small limits and a short head timeout.
    private func withServer(_ body: (Int, RequestCounter) async throws -> Void) async throws {
        let counter = RequestCounter()
        let router = Router()
        router.get("/") { _, _ -> String in
            counter.add()
            return "ok"
        }
        try await GuardedServer.with({ onRunning in
            Application(
                router: router,
                server: .guardedHTTP1(
                    limits: ProxyLimits(maxRequestTargetBytes: 1_024, maxHeaderBytes: 4_096, maxHeaderCount: 20),
                    timeouts: ProxyTimeouts(requestHead: Self.headTimeout, lingeringClose: .seconds(2))
                ),
                configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: 0)),
                onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? 0) },
                logger: Logger(label: "test")
            )
        }) { port in
            try await body(port, counter)
        }
    }

    /// Sends `request` on a new connection and returns the connection once the server has closed it.
    private func refused(_ request: String, port: Int) async throws -> RawConnection {
        let client = try await RawConnection.connect(port: port)
        try await client.send(request)
        await eventually("the server closes the connection") { client.isClosed }
        return client
    }

    @Test(arguments: [
        ("no Host on HTTP/1.1", "GET / HTTP/1.1\r\n\r\n", "HTTP/1.1 400"),
        ("two Hosts", "GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", "HTTP/1.1 400"),
        ("a Host list", "GET / HTTP/1.1\r\nHost: a, b\r\n\r\n", "HTTP/1.1 400"),
        ("user info in Host", "GET / HTTP/1.1\r\nHost: evil@a\r\n\r\n", "HTTP/1.1 400"),
        ("a path in Host", "GET / HTTP/1.1\r\nHost: a/b\r\n\r\n", "HTTP/1.1 400"),
        ("Transfer-Encoding on HTTP/1.0", "POST / HTTP/1.0\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", "HTTP/1.1 400"),
        ("Content-Length and Transfer-Encoding", "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\nGET / HTTP/1.1\r\nHost: a\r\n\r\n", "HTTP/1.1 400"),
        ("header section over the limit", "GET / HTTP/1.1\r\nHost: a\r\nX-Big: \(String(repeating: "a", count: 5_000))\r\n\r\n", "HTTP/1.1 431"),
        ("more fields than the limit", "GET / HTTP/1.1\r\nHost: a\r\n" + (0..<25).map { "X-\($0): v\r\n" }.joined() + "\r\n", "HTTP/1.1 431"),
        ("request target over the limit", "GET /\(String(repeating: "a", count: 1_100)) HTTP/1.1\r\nHost: a\r\n\r\n", "HTTP/1.1 414"),
        ("CONNECT", "CONNECT a:443 HTTP/1.1\r\nHost: a:443\r\n\r\n", "HTTP/1.1 405"),
    ])
    func refusesBeforeTheApplicationSeesTheRequest(attack: String, request: String, statusLine: String) async throws {
        try await withServer { port, counter in
            let client = try await refused(request, port: port)
            #expect(client.text.hasPrefix(statusLine), "\(attack): \(client.text.prefix(120))")
            #expect(client.text.lowercased().contains("connection: close"), "\(attack)")
            #expect(client.errors.isEmpty, "\(attack): \(client.errors)")
            #expect(counter.value == 0, "\(attack) reached the application")
        }
    }

    @Test func servesValidRequestsOnAKeptAliveConnection() async throws {
        try await withServer { port, counter in
            let client = try await RawConnection.connect(port: port)
            try await client.send("GET / HTTP/1.1\r\nHost: a\r\n\r\n")
            await eventually("the first answer") { client.text.hasSuffix("ok") }
            try await client.send("GET / HTTP/1.1\r\nHost: a:8080\r\n\r\n")
            await eventually("the second answer") { client.text.components(separatedBy: "HTTP/1.1 200").count == 3 }
            #expect(!client.isClosed)
            #expect(counter.value == 2)
            await client.close()
        }
    }

    @Test func aRefusedPipelinedRequestWaitsForTheAnswersBeforeIt() async throws {
        try await withServer { port, counter in
            let client = try await refused("GET / HTTP/1.1\r\nHost: a\r\n\r\nGET / HTTP/1.1\r\n\r\nGET / HTTP/1.1\r\nHost: a\r\n\r\n", port: port)
            let ok = try #require(client.text.range(of: "HTTP/1.1 200"))
            let refusal = try #require(client.text.range(of: "HTTP/1.1 400"))
            #expect(ok.lowerBound < refusal.lowerBound)
            #expect(counter.value == 1, "the request after the refused one must not run")
        }
    }

    @Test func aRefusedClientThatKeepsSendingStillReadsTheAnswer() async throws {
        try await withServer { port, _ in
            let client = try await RawConnection.connect(port: port)
            try await client.send("GET / HTTP/1.1\r\nHost: a\r\nX-Big: \(String(repeating: "a", count: 5_000))\r\n\r\n")
            try? await client.send(String(repeating: "junk after the refused head\r\n", count: 8_000))
            await eventually("the server closes the connection") { client.isClosed }
            #expect(client.text.hasPrefix("HTTP/1.1 431"))
            #expect(client.errors.isEmpty, "the connection was reset: \(client.errors)")
        }
    }

    @Test func aHeadThatTricklesInGets408() async throws {
        try await withServer { port, counter in
            let client = try await RawConnection.connect(port: port)
            try await client.send("GET / HTTP/1.1\r\nHost: a\r\n")
            // On a loaded machine the server may already have given up; then this write fails, which is fine.
            try? await client.send("X-Slow: 1\r\n")
            await eventually("the server gives up on the head", timeout: .seconds(5)) { client.isClosed }
            #expect(client.text.hasPrefix("HTTP/1.1 408"))
            #expect(counter.value == 0)
        }
    }

    @Test func anIdleKeptAliveConnectionIsNotAnswered408() async throws {
        try await withServer { port, counter in
            let client = try await RawConnection.connect(port: port)
            try await client.send("GET / HTTP/1.1\r\nHost: a\r\n\r\n")
            await eventually("the first answer") { client.text.hasSuffix("ok") }
            let answered = client.receivedCount
            // Idle for three head timeouts: the head clock starts with a request's first byte, not before.
            try await Task.sleep(for: Self.headTimeout * 3)
            #expect(client.receivedCount == answered && !client.isClosed)
            try await client.send("GET / HTTP/1.1\r\nHost: a\r\n\r\n")
            await eventually("the second answer") { client.text.components(separatedBy: "HTTP/1.1 200").count == 3 }
            #expect(counter.value == 2)
            await client.close()
        }
    }

    /// Turnout's Hummingbird servers, each started on a free loopback port.
    enum TurnoutServer: String, CaseIterable, CustomTestStringConvertible {
        case demoApp = "demo app"
        case fileServer = "file server"
        case probes = "controller probes"

        var testDescription: String { rawValue }
    }

    @Test(arguments: TurnoutServer.allCases)
    func turnoutsServersAreGuarded(server: TurnoutServer) async throws {
        let check: (Int) async throws -> Void = { port in
            let client = try await refused("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", port: port)
            #expect(client.text.hasPrefix("HTTP/1.1 400"), "\(server.rawValue): \(client.text.prefix(120))")
        }
        switch server {
        case .demoApp:
            let demo = try DemoApplication(configuration: DemoConfiguration(color: try #require(DemoColor("blue")), address: ListenAddress(port: 0)))
            try await GuardedServer.with({ onRunning in demo.makeApplication { await onRunning($0.port) } }, check)
        case .fileServer:
            let site = StaticSite(root: "/nonexistent-turnout-test-root", address: ListenAddress(port: 0))
            try await GuardedServer.with({ onRunning in site.makeApplication { await onRunning($0.port) } }, check)
        case .probes:
            let probes = ProbeServer(host: "127.0.0.1", port: 0, isReady: { true }, metrics: { "" }, logger: Logger(label: "test"))
            let running = try await probes.start()
            try await check(running.address.port)
            await running.shutdown()
        }
    }
}
