import NIOCore
import NIOHTTP1
import NIOPosix
import Synchronization

/// A response as the test client saw it.
struct TestResponse: Sendable {
    var status: HTTPResponseStatus
    var headers: HTTPHeaders
    var body: ByteBuffer

    /// The body as UTF-8 text.
    var text: String { String(buffer: body) }
}

/// A keep-alive HTTP/1.1 client connection for tests: requests run one after another on the same socket.
final class TestHTTPConnection: Sendable {
    let channel: any Channel
    private let collector: NIOLoopBound<ResponseCollector>

    private init(channel: any Channel, collector: NIOLoopBound<ResponseCollector>) {
        self.channel = channel
        self.collector = collector
    }

    /// Connects to 127.0.0.1:`port`.
    static func connect(port: Int) async throws -> TestHTTPConnection {
        let channel = try await ClientBootstrap(group: TestEventLoops.group)
            .channelOption(.socketOption(.tcp_nodelay), value: 1)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHTTPClientHandlers()
                    try channel.pipeline.syncOperations.addHandler(ResponseCollector())
                }
            }
            .connect(host: "127.0.0.1", port: port).get()
        let collector = try await channel.eventLoop.submit {
            NIOLoopBound(try channel.pipeline.syncOperations.handler(type: ResponseCollector.self), eventLoop: channel.eventLoop)
        }.get()
        return TestHTTPConnection(channel: channel, collector: collector)
    }

    /// Sends a request (body in 64 KiB parts when given) and waits for the whole response.
    func request(
        _ method: HTTPMethod = .GET,
        _ uri: String,
        headers: [(String, String)] = [],
        body: ByteBuffer? = nil,
        chunked: Bool = false
    ) async throws -> TestResponse {
        let collector = self.collector
        let channel = self.channel
        let future = channel.eventLoop.flatSubmit { () -> EventLoopFuture<TestResponse> in
            var head = HTTPRequestHead(version: .http1_1, method: method, uri: uri)
            if !headers.contains(where: { $0.0.lowercased() == "host" }) { head.headers.add(name: "Host", value: "localhost") }
            for (name, value) in headers { head.headers.add(name: name, value: value) }
            if var body {
                if chunked {
                    head.headers.add(name: "Transfer-Encoding", value: "chunked")
                } else if !head.headers.contains(name: "content-length") {
                    head.headers.add(name: "Content-Length", value: String(body.readableBytes))
                }
                let promise = collector.value.expect(channel: channel)
                channel.write(HTTPClientRequestPart.head(head), promise: nil)
                while body.readableBytes > 0 {
                    let part = body.readSlice(length: min(64 * 1024, body.readableBytes))!
                    channel.write(HTTPClientRequestPart.body(.byteBuffer(part)), promise: nil)
                }
                channel.writeAndFlush(HTTPClientRequestPart.end(nil), promise: nil)
                return promise
            }
            let promise = collector.value.expect(channel: channel)
            channel.write(HTTPClientRequestPart.head(head), promise: nil)
            channel.writeAndFlush(HTTPClientRequestPart.end(nil), promise: nil)
            return promise
        }
        return try await future.get()
    }

    /// Closes the connection.
    func close() async {
        try? await channel.close()
    }

    /// Whether the server closed the connection.
    var isClosed: Bool { !channel.isActive }
}

/// Assembles responses and completes the waiting requests in order.
private final class ResponseCollector: ChannelInboundHandler {
    typealias InboundIn = HTTPClientResponsePart

    private var waiting = CircularBuffer<EventLoopPromise<TestResponse>>()
    private var current: TestResponse?

    func expect(channel: any Channel) -> EventLoopFuture<TestResponse> {
        let promise = channel.eventLoop.makePromise(of: TestResponse.self)
        if !channel.isActive {
            promise.fail(ChannelError.ioOnClosedChannel)
        } else {
            waiting.append(promise)
        }
        return promise.futureResult
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            current = TestResponse(status: head.status, headers: head.headers, body: context.channel.allocator.buffer(capacity: 0))
        case .body(var buffer):
            current?.body.writeBuffer(&buffer)
        case .end:
            if let current, let promise = waiting.popFirst() { promise.succeed(current) }
            current = nil
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        while let promise = waiting.popFirst() { promise.fail(ChannelError.eof) }
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        while let promise = waiting.popFirst() { promise.fail(error) }
        context.close(promise: nil)
    }
}

/// One request on a new connection.
func fetch(port: Int, _ uri: String, method: HTTPMethod = .GET, headers: [(String, String)] = [], body: ByteBuffer? = nil) async throws -> TestResponse {
    let connection = try await TestHTTPConnection.connect(port: port)
    defer { Task { await connection.close() } }
    return try await connection.request(method, uri, headers: headers, body: body)
}
