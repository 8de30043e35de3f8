import NIOCore
import NIOHTTP1
import Testing
@testable import TurnoutProxy

@Suite struct ResponseEncodingTests {
    @Test(arguments: [
        (HTTPResponseHead(version: .http1_1, status: .ok, headers: HTTPHeaders([("Content-Length", "2")])), "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n"),
        (HTTPResponseHead(version: .http1_1, status: .continue), "HTTP/1.1 100 Continue\r\n\r\n"),
        (HTTPResponseHead(version: .http1_0, status: .custom(code: 599, reasonPhrase: "Odd")), "HTTP/1.0 599 Odd\r\n\r\n"),
        (HTTPResponseHead(version: .http1_1, status: .notFound, headers: HTTPHeaders([("A", "1"), ("b", "two words")])), "HTTP/1.1 404 Not Found\r\nA: 1\r\nb: two words\r\n\r\n"),
    ])
    func writesHeads(head: HTTPResponseHead, expected: String) {
        var buffer = ByteBuffer()
        ResponseEncoding.writeHead(head, into: &buffer)
        #expect(String(buffer: buffer) == expected)
    }

    @Test(arguments: [(1, "1\r\n"), (255, "ff\r\n"), (65_536, "10000\r\n")])
    func writesChunkSizesInHex(count: Int, expected: String) {
        var buffer = ByteBuffer()
        ResponseEncoding.writeChunkSize(count, into: &buffer)
        #expect(String(buffer: buffer) == expected)
    }

    @Test func writesTheLastChunkWithTrailers() {
        var plain = ByteBuffer()
        ResponseEncoding.writeLastChunk(trailers: nil, into: &plain)
        #expect(String(buffer: plain) == "0\r\n\r\n")
        var withTrailers = ByteBuffer()
        ResponseEncoding.writeLastChunk(trailers: HTTPHeaders([("X-Checksum", "abc")]), into: &withTrailers)
        #expect(String(buffer: withTrailers) == "0\r\nX-Checksum: abc\r\n\r\n")
    }
}
