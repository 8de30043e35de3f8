import NIOCore
import NIOHTTP1

/// Writes responses for the client connection in HTTP/1.1 wire format. The proxy frames bodies itself
/// (the rewriter decides the framing), so no NIO encoder sits between the handler and the socket.
///
/// Pure: bytes into buffers.
enum ResponseEncoding {
    /// Appends the status line, the headers and the blank line of `head` to `buffer`.
    static func writeHead(_ head: HTTPResponseHead, into buffer: inout ByteBuffer) {
        writeStatusLine(version: head.version, status: head.status, into: &buffer)
        writeFields(head.headers, into: &buffer)
    }

    /// Appends a status line (`HTTP/1.1 200 OK\r\n`).
    private static func writeStatusLine(version: HTTPVersion, status: HTTPResponseStatus, into buffer: inout ByteBuffer) {
        buffer.writeStaticString("HTTP/1.")
        buffer.writeInteger(UInt8(ascii: "0") + UInt8(truncatingIfNeeded: version.minor == 0 ? 0 : 1))
        buffer.writeInteger(UInt8(ascii: " "))
        let code = Int(status.code)
        buffer.writeInteger(UInt8(ascii: "0") + UInt8(truncatingIfNeeded: (code / 100) % 10))
        buffer.writeInteger(UInt8(ascii: "0") + UInt8(truncatingIfNeeded: (code / 10) % 10))
        buffer.writeInteger(UInt8(ascii: "0") + UInt8(truncatingIfNeeded: code % 10))
        buffer.writeInteger(UInt8(ascii: " "))
        buffer.writeString(status.reasonPhrase)
        buffer.writeStaticString("\r\n")
    }

    /// Appends the head the client gets for an upstream's `head`: an HTTP/1.1 status line, the headers `edit`
    /// keeps, the headers it adds and the blank line. Same bytes as `writeHead` after `edit.apply(to:)`, without
    /// building a new header list.
    static func writeHead(_ head: HTTPResponseHead, edit: ResponseHeadEdit, into buffer: inout ByteBuffer) {
        writeStatusLine(version: .http1_1, status: head.status, into: &buffer)
        let keepsEveryHeader = edit.keepsEveryHeader
        for (name, value) in head.headers where keepsEveryHeader || edit.keeps(name) {
            writeField(name, value, into: &buffer)
        }
        edit.forEachAddition { writeField($0, $1, into: &buffer) }
        buffer.writeStaticString("\r\n")
    }

    /// Appends `name: value` lines and the closing blank line.
    static func writeFields(_ headers: HTTPHeaders, into buffer: inout ByteBuffer) {
        for (name, value) in headers { writeField(name, value, into: &buffer) }
        buffer.writeStaticString("\r\n")
    }

    @inline(__always)
    private static func writeField(_ name: String, _ value: String, into buffer: inout ByteBuffer) {
        buffer.writeString(name)
        buffer.writeStaticString(": ")
        buffer.writeString(value)
        buffer.writeStaticString("\r\n")
    }

    /// The chunk-size line for a chunk of `count` bytes (`1a2b\r\n`).
    static func writeChunkSize(_ count: Int, into buffer: inout ByteBuffer) {
        buffer.writeString(String(count, radix: 16))
        buffer.writeStaticString("\r\n")
    }

    /// The last chunk and trailers (`0\r\n\r\n` without trailers).
    static func writeLastChunk(trailers: HTTPHeaders?, into buffer: inout ByteBuffer) {
        buffer.writeStaticString("0\r\n")
        writeFields(trailers ?? [:], into: &buffer)
    }
}
