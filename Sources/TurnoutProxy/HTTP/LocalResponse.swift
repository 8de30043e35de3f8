import NIOCore
import NIOHTTP1

/// A response the proxy makes itself (errors such as 502, 503, 504, 431): a short text body naming the cause.
public struct LocalResponse: Sendable {
    /// The status.
    public var status: HTTPResponseStatus
    /// The body text (one line).
    public var message: String
    /// Whether the client connection closes after it.
    public var closeConnection: Bool

    /// Creates a response.
    public init(status: HTTPResponseStatus, message: String, closeConnection: Bool) {
        self.status = status
        self.message = message
        self.closeConnection = closeConnection
    }

    /// The response head, with framing and `Connection` set.
    public func head() -> HTTPResponseHead {
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: "text/plain; charset=utf-8")
        headers.add(name: "Content-Length", value: String(bodyText.utf8.count))
        headers.add(name: "Cache-Control", value: "no-store")
        if closeConnection { headers.add(name: "Connection", value: "close") }
        return HTTPResponseHead(version: .http1_1, status: status, headers: headers)
    }

    /// The body: `<code> <reason>: <message>` and a newline.
    public var bodyText: String {
        "\(status.code) \(status.reasonPhrase): \(message)\n"
    }

    /// The body in a buffer.
    public func body(allocator: ByteBufferAllocator) -> ByteBuffer {
        allocator.buffer(string: bodyText)
    }
}
