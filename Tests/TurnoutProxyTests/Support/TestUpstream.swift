import NIOCore
import NIOHTTP1
import NIOPosix
import Synchronization

/// A tiny HTTP/1.1 upstream for loopback tests. Paths choose the behaviour:
///
/// - `/headers`: the request headers as `name: value` lines
/// - `/echo`: the request body streamed back as it arrives (chunked)
/// - `/size/N`: N bytes (`x`), written only while the socket is writable; `/chunked/N` the same, chunked
/// - `/slow/MS`: answers after MS milliseconds; `/hang`: never answers
/// - `/health`: 200 while `isHealthy`, else 503
/// - `/close`: answers with `Connection: close`; `/once`: answers, then drops the connection at its next request
/// - `/cut`: announces 100 bytes, sends 7 and closes
/// - `/ws` with `Upgrade: websocket`: 101, then echoes raw bytes
/// - anything else: 200 with the upstream's name as body
///
/// `Expect: 100-continue` is answered with 100 Continue before the body is read (or 417 for `/reject-continue`).
final class TestUpstream: Sendable {
    let name: String
    private let channelBox = Mutex<(any Channel)?>(nil)
    private let boundPort = Mutex(0)
    private let stats = Mutex(Stats())

    struct Stats {
        var connections = 0
        var requests = 0
        var paths: [String] = []
        var lastHeaders: HTTPHeaders = [:]
        var bytesWritten = 0
        var bodyBytesReceived = 0
        var healthy = true
        var headCount = 0
    }

    private init(name: String, healthy: Bool) {
        self.name = name
        self.stats.withLock { $0.healthy = healthy }
    }

    /// Starts an upstream on 127.0.0.1 and a free port (or `port`).
    static func start(name: String, healthy: Bool = true, port: Int = 0) async throws -> TestUpstream {
        let upstream = TestUpstream(name: name, healthy: healthy)
        let channel = try await ServerBootstrap(group: TestEventLoops.group)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    upstream.stats.withLock { $0.connections += 1 }
                    let handler = TestUpstreamHandler(upstream: upstream)
                    let upgrader = EchoUpgrader()
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline(
                        withPipeliningAssistance: true,
                        withServerUpgrade: (upgraders: [upgrader], completionHandler: { _ in }),
                        withErrorHandling: true
                    )
                    try channel.pipeline.syncOperations.addHandler(handler, name: "test.upstream")
                }
            }
            .bind(host: "127.0.0.1", port: port).get()
        upstream.channelBox.withLock { $0 = channel }
        upstream.boundPort.withLock { $0 = channel.localAddress!.port! }
        return upstream
    }

    var channel: any Channel { channelBox.withLock { $0! } }

    /// The port it listens on.
    var port: Int { boundPort.withLock { $0 } }

    /// `127.0.0.1:port` as the proxy's route tables name it.
    var address: String { "127.0.0.1:\(port)" }

    /// Stops listening (open connections stay).
    func stop() async {
        try? await channel.close()
    }

    var isHealthy: Bool {
        get { stats.withLock { $0.healthy } }
        set { stats.withLock { $0.healthy = newValue } }
    }

    func setHealthy(_ value: Bool) { stats.withLock { $0.healthy = value } }
    var connections: Int { stats.withLock { $0.connections } }
    var requests: Int { stats.withLock { $0.requests } }
    var paths: [String] { stats.withLock { $0.paths } }
    var lastHeaders: HTTPHeaders { stats.withLock { $0.lastHeaders } }
    var bytesWritten: Int { stats.withLock { $0.bytesWritten } }
    var bodyBytesReceived: Int { stats.withLock { $0.bodyBytesReceived } }
    /// Requests that were not health probes.
    var trafficRequests: Int { stats.withLock { $0.paths.filter { $0 != "/health" }.count } }

    fileprivate func record(_ head: HTTPRequestHead) {
        stats.withLock {
            $0.requests += 1
            $0.paths.append(head.uri)
            if head.uri != "/health" { $0.lastHeaders = head.headers }
        }
    }

    fileprivate func addWritten(_ count: Int) { stats.withLock { $0.bytesWritten += count } }
    fileprivate func addReceived(_ count: Int) { stats.withLock { $0.bodyBytesReceived += count } }
}

private final class TestUpstreamHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundIn = HTTPServerResponsePart
    typealias OutboundOut = HTTPServerResponsePart

    private let upstream: TestUpstream
    private var head: HTTPRequestHead?
    private var pendingBytes = 0
    private var chunked = false
    private var streaming = false
    private var closeOnNextRequest = false

    init(upstream: TestUpstream) {
        self.upstream = upstream
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            if closeOnNextRequest {
                // Plays a keep-alive connection the server dropped while it sat idle in the proxy's pool.
                context.close(promise: nil)
                return
            }
            self.head = head
            upstream.record(head)
            if head.headers["expect"].first?.lowercased() == "100-continue" {
                if head.uri == "/reject-continue" {
                    respond(context, status: .expectationFailed, body: "no thanks", close: true)
                    return
                }
                context.writeAndFlush(wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: .continue))), promise: nil)
            }
            if head.uri == "/echo" {
                var headers = HTTPHeaders()
                headers.add(name: "Transfer-Encoding", value: "chunked")
                context.writeAndFlush(wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: .ok, headers: headers))), promise: nil)
            }
        case .body(let buffer):
            upstream.addReceived(buffer.readableBytes)
            if head?.uri == "/echo" {
                let count = buffer.readableBytes
                let upstream = self.upstream
                context.writeAndFlush(wrapOutboundOut(.body(.byteBuffer(buffer)))).whenSuccess { upstream.addWritten(count) }
            }
        case .end:
            guard let head else { return }
            handle(head, context: context)
        }
    }

    private func handle(_ head: HTTPRequestHead, context: ChannelHandlerContext) {
        let path = head.uri
        if path == "/echo" {
            context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
        } else if path == "/headers" {
            let text = head.headers.map { "\($0.name): \($0.value)" }.joined(separator: "\n")
            respond(context, status: .ok, body: text)
        } else if path.hasPrefix("/size/") || path.hasPrefix("/chunked/") {
            let count = Int(path.split(separator: "/").last!) ?? 0
            chunked = path.hasPrefix("/chunked/")
            var headers = HTTPHeaders()
            if chunked {
                headers.add(name: "Transfer-Encoding", value: "chunked")
            } else {
                headers.add(name: "Content-Length", value: String(count))
            }
            context.write(wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: .ok, headers: headers))), promise: nil)
            pendingBytes = count
            streaming = true
            writeMore(context)
        } else if path.hasPrefix("/slow/") {
            let delay = Int64(path.split(separator: "/").last!) ?? 0
            let name = upstream.name
            context.eventLoop.assumeIsolated().scheduleTask(in: .milliseconds(delay)) {
                self.respond(context, status: .ok, body: name)
            }
        } else if path == "/hang" {
            return
        } else if path == "/health" {
            respond(context, status: upstream.isHealthy ? .ok : .serviceUnavailable, body: upstream.isHealthy ? "ok" : "down")
        } else if path == "/once" {
            closeOnNextRequest = true
            respond(context, status: .ok, body: upstream.name)
        } else if path == "/cut" {
            var headers = HTTPHeaders()
            headers.add(name: "Content-Length", value: "100")
            context.write(wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: .ok, headers: headers))), promise: nil)
            context.writeAndFlush(wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(string: "partial")))), promise: nil)
            context.close(promise: nil)
        } else if path == "/close" {
            respond(context, status: .ok, body: upstream.name, close: true)
        } else if path == "/status/500" {
            respond(context, status: .internalServerError, body: "boom")
        } else {
            respond(context, status: .ok, body: upstream.name)
        }
    }

    private func writeMore(_ context: ChannelHandlerContext) {
        while streaming && pendingBytes > 0 && context.channel.isWritable {
            let size = min(pendingBytes, 16 * 1024)
            pendingBytes -= size
            let buffer = context.channel.allocator.buffer(repeating: UInt8(ascii: "x"), count: size)
            let upstream = self.upstream
            context.writeAndFlush(wrapOutboundOut(.body(.byteBuffer(buffer)))).whenSuccess { upstream.addWritten(size) }
        }
        if streaming && pendingBytes == 0 {
            streaming = false
            context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
        }
    }

    func channelWritabilityChanged(context: ChannelHandlerContext) {
        if context.channel.isWritable { writeMore(context) }
        context.fireChannelWritabilityChanged()
    }

    private func respond(_ context: ChannelHandlerContext, status: HTTPResponseStatus, body: String, close: Bool = false) {
        var headers = HTTPHeaders()
        headers.add(name: "Content-Length", value: String(body.utf8.count))
        headers.add(name: "X-Upstream", value: upstream.name)
        if close { headers.add(name: "Connection", value: "close") }
        context.write(wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: status, headers: headers))), promise: nil)
        context.write(wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(string: body)))), promise: nil)
        let future = context.writeAndFlush(wrapOutboundOut(.end(nil)))
        if close { future.assumeIsolated().whenComplete { _ in context.close(promise: nil) } }
    }
}

/// Accepts `Upgrade: websocket` and turns the connection into a raw echo.
private final class EchoUpgrader: HTTPServerProtocolUpgrader, Sendable {
    let supportedProtocol = "websocket"
    let requiredUpgradeHeaders: [String] = []

    func buildUpgradeResponse(channel: any Channel, upgradeRequest: HTTPRequestHead, initialResponseHeaders: HTTPHeaders) -> EventLoopFuture<HTTPHeaders> {
        channel.eventLoop.makeSucceededFuture(initialResponseHeaders)
    }

    func upgrade(context: ChannelHandlerContext, upgradeRequest: HTTPRequestHead) -> EventLoopFuture<Void> {
        context.eventLoop.makeCompletedFuture {
            try context.pipeline.syncOperations.addHandler(RawEchoHandler())
            context.pipeline.syncOperations.removeHandler(name: "test.upstream", promise: nil)
        }
    }
}

private final class RawEchoHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var buffer = unwrapInboundIn(data)
        var reply = context.channel.allocator.buffer(string: "echo:")
        reply.writeBuffer(&buffer)
        context.writeAndFlush(wrapOutboundOut(reply), promise: nil)
    }
}
