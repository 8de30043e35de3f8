import NIOCore
import NIOHTTP1
import NIOPosix
import Synchronization

/// A request as the test server received it.
public struct ReceivedRequest: Sendable {
    public var method: HTTPMethod
    public var uri: String
    public var headers: HTTPHeaders
    public var body: String

    /// The path without the query.
    public var path: String { String(uri.prefix { $0 != "?" }) }

    /// The query parameters, form-decoded (`+` is a space, `%XX` a byte).
    public var query: [String: String] {
        guard let mark = uri.firstIndex(of: "?") else { return [:] }
        var result: [String: String] = [:]
        for pair in uri[uri.index(after: mark)...].split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            result[Self.decode(parts[0])] = parts.count > 1 ? Self.decode(parts[1]) : ""
        }
        return result
    }

    private static func decode(_ text: Substring) -> String {
        var bytes: [UInt8] = []
        var iterator = Array(text.utf8).makeIterator()
        while let byte = iterator.next() {
            if byte == UInt8(ascii: "+") {
                bytes.append(UInt8(ascii: " "))
            } else if byte == UInt8(ascii: "%"), let high = iterator.next(), let low = iterator.next(),
                let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16) {
                bytes.append(value)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// What the test server answers.
public struct CannedResponse: Sendable {
    /// The status line.
    public var status: HTTPResponseStatus
    /// The body.
    public var body: String
    /// The `Content-Type`.
    public var contentType: String
    /// Milliseconds before the answer is written (a slow server, for timeouts).
    public var delayMilliseconds: Int64

    /// Creates an answer.
    public init(status: HTTPResponseStatus = .ok, body: String = "", contentType: String = "application/json", delayMilliseconds: Int64 = 0) {
        self.status = status
        self.body = body
        self.contentType = contentType
        self.delayMilliseconds = delayMilliseconds
    }
}

/// A tiny HTTP/1.1 server on 127.0.0.1 and a free port that answers every request with `respond` and
/// records what it received.
public final class TestHTTPServer: Sendable {
    static let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)

    private let respond: @Sendable (ReceivedRequest) -> CannedResponse
    private let received = Mutex<[ReceivedRequest]>([])
    private let channelBox = Mutex<(any Channel)?>(nil)

    private init(respond: @escaping @Sendable (ReceivedRequest) -> CannedResponse) {
        self.respond = respond
    }

    /// Starts a server answering with `respond`.
    public static func start(_ respond: @escaping @Sendable (ReceivedRequest) -> CannedResponse) async throws -> TestHTTPServer {
        let server = TestHTTPServer(respond: respond)
        let channel = try await ServerBootstrap(group: group)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline(withErrorHandling: true)
                    try channel.pipeline.syncOperations.addHandler(TestHTTPHandler(server: server))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        server.channelBox.withLock { $0 = channel }
        return server
    }

    /// `http://127.0.0.1:PORT`.
    public var baseURL: String {
        let port = channelBox.withLock { $0?.localAddress?.port } ?? 0
        return "http://127.0.0.1:\(port)"
    }

    /// Every request so far.
    public var requests: [ReceivedRequest] { received.withLock { $0 } }

    /// Stops listening.
    public func stop() async {
        let channel = channelBox.withLock { $0 }
        try? await channel?.close()
    }

    fileprivate func handle(_ request: ReceivedRequest) -> CannedResponse {
        received.withLock { $0.append(request) }
        return respond(request)
    }
}

private final class TestHTTPHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let server: TestHTTPServer
    private var head: HTTPRequestHead?
    private var body: [UInt8] = []

    init(server: TestHTTPServer) {
        self.server = server
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            self.head = head
            body = []
        case .body(var buffer):
            body += buffer.readBytes(length: buffer.readableBytes) ?? []
        case .end:
            guard let head else { return }
            let request = ReceivedRequest(method: head.method, uri: head.uri, headers: head.headers, body: String(decoding: body, as: UTF8.self))
            let response = server.handle(request)
            let loopBound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
            let write = {
                let (handler, context) = loopBound.value
                handler.write(response, context: context)
            }
            if response.delayMilliseconds > 0 {
                context.eventLoop.scheduleTask(in: .milliseconds(response.delayMilliseconds), write)
            } else {
                write()
            }
        }
    }

    private func write(_ response: CannedResponse, context: ChannelHandlerContext) {
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: response.contentType)
        headers.add(name: "Content-Length", value: "\(response.body.utf8.count)")
        context.write(wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: response.status, headers: headers))), promise: nil)
        context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(string: response.body)))), promise: nil)
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
    }
}
