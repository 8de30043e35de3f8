import NIOCore
import NIOHTTP1

/// A copy of one request sent to the canary; its response is read and discarded.
///
/// Never slows the real request: if the mirror connection cannot keep up, or the body outgrows the buffer
/// while connecting, the copy is dropped.
final class MirrorExchange: UpstreamReceiver {
    private let slot: LoopUpstream
    private let maxBufferedBytes: Int
    private var connection: UpstreamConnection?
    private var buffered: [HTTPClientRequestPart]
    private var bufferedBytes = 0
    private var requestComplete = false
    private var isDone = false

    /// Starts copying `head` to `slot`'s upstream.
    init(loop: LoopContext, slot: LoopUpstream, head: HTTPRequestHead, maxBufferedBytes: Int) {
        self.slot = slot
        self.maxBufferedBytes = maxBufferedBytes
        self.buffered = [.head(head)]
        if let idle = slot.takeIdle() {
            attach(idle)
        } else {
            loop.connector.connect(slot) { result in
                switch result {
                case .success(let connection):
                    if self.isDone { slot.release(connection) } else { self.attach(connection) }
                case .failure:
                    self.abort()
                }
            }
        }
    }

    /// Copies a body part.
    func forwardBody(_ buffer: ByteBuffer) {
        guard !isDone else { return }
        if let connection {
            guard connection.isWritable else { return abort() }
            connection.send(.body(.byteBuffer(buffer)))
            connection.flush()
        } else {
            bufferedBytes += buffer.readableBytes
            if bufferedBytes > maxBufferedBytes { return abort() }
            buffered.append(.body(.byteBuffer(buffer)))
        }
    }

    /// Copies the end of the request.
    func end(_ trailers: HTTPHeaders?) {
        guard !isDone else { return }
        requestComplete = true
        if let connection {
            connection.send(.end(trailers))
            connection.flush()
        } else {
            buffered.append(.end(trailers))
        }
    }

    /// Drops the copy.
    func abort() {
        isDone = true
        buffered = []
        if let connection {
            self.connection = nil
            connection.receiver = nil
            connection.close()
        }
    }

    private func attach(_ connection: UpstreamConnection) {
        self.connection = connection
        connection.receiver = self
        for part in buffered { connection.send(part) }
        buffered = []
        connection.flush()
    }

    func upstreamReceived(_ part: HTTPClientResponsePart, from connection: UpstreamConnection) {
        guard case .end = part else { return }
        if requestComplete {
            isDone = true
            self.connection = nil
            slot.release(connection)
        } else {
            abort()
        }
    }

    func upstreamReadComplete(_ connection: UpstreamConnection) {}

    func upstreamWritabilityChanged(_ connection: UpstreamConnection) {}

    func upstreamClosed(_ connection: UpstreamConnection, error: (any Error)?) {
        isDone = true
        self.connection = nil
    }
}
