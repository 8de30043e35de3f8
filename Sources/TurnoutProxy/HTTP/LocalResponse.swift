import NIOCore
import NIOHTTP1

/// A response the proxy makes itself (errors such as 502, 503, 504, 431): a short text body naming the cause.
struct LocalResponse {
    /// The status.
    var status: HTTPResponseStatus
    /// The body text (one line).
    var message: String
    /// Whether the client connection closes after it.
    var closeConnection: Bool

    /// The response head, with framing and `Connection` set.
    func head() -> HTTPResponseHead {
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: "text/plain; charset=utf-8")
        headers.add(name: "Content-Length", value: String(bodyText.utf8.count))
        headers.add(name: "Cache-Control", value: "no-store")
        if closeConnection { headers.add(name: "Connection", value: "close") }
        return HTTPResponseHead(version: .http1_1, status: status, headers: headers)
    }

    /// The body: `<code> <reason>: <message>` and a newline.
    var bodyText: String {
        "\(status.code) \(status.reasonPhrase): \(message)\n"
    }

    /// The body in a buffer.
    func body(allocator: ByteBufferAllocator) -> ByteBuffer {
        allocator.buffer(string: bodyText)
    }
}
