import NIOCore
import NIOHTTP1

extension ProxyHandler: UpstreamReceiver {
    /// The line end after a chunk's data, shared (buffers are copy-on-write).
    static let crlf = ByteBuffer(string: "\r\n")

    func upstreamReceived(_ part: HTTPClientResponsePart, from connection: UpstreamConnection) {
        guard let exchange, exchange.connection === connection, let context else {
            connection.receiver = nil
            connection.close()
            return
        }
        switch part {
        case .head(var head):
            exchange.lastProgress = .now()
            let code = Int(head.status.code)
            if code >= 100 && code < 200 && code != 101 {
                // 100 Continue and friends: pass on to HTTP/1.1 clients, then wait for the final head.
                if exchange.clientVersion.minor >= 1 && !exchange.responseStarted {
                    _ = ResponseRewriter.rewrite(&head, requestMethod: exchange.method, clientVersion: exchange.clientVersion, clientKeepAlive: true, isUpgrade: false)
                    var buffer = context.channel.allocator.buffer(capacity: 64)
                    ResponseEncoding.writeHead(head, into: &buffer)
                    context.writeAndFlush(wrapOutboundOut(buffer), promise: nil)
                }
                return
            }
            if code == 101 && !exchange.facts.isUpgrade {
                connection.receiver = nil
                exchange.connection = nil
                connection.close()
                respondLocally(exchange, status: .badGateway, message: "upstream \(connection.slot.upstream.address) switched protocols unasked", close: true)
                return
            }
            let plan = ResponseRewriter.rewrite(
                &head, requestMethod: exchange.method, clientVersion: exchange.clientVersion,
                clientKeepAlive: exchange.facts.keepAlive && !loop.isShuttingDown, isUpgrade: exchange.facts.isUpgrade
            )
            exchange.responseStarted = true
            exchange.status = code
            exchange.closeAfter = exchange.closeAfter || plan.closeAfterResponse
            exchange.upstreamKeepAlive = plan.upstreamKeepAlive
            exchange.isSwitchingProtocols = code == 101
            responseIsChunked = plan.isChunked
            var buffer = context.channel.allocator.buffer(capacity: 256)
            ResponseEncoding.writeHead(head, into: &buffer)
            context.write(wrapOutboundOut(buffer), promise: nil)
            exchange.needsClientFlush = true
        case .body(let buffer):
            if responseIsChunked {
                guard buffer.readableBytes > 0 else { return }
                var size = context.channel.allocator.buffer(capacity: 12)
                ResponseEncoding.writeChunkSize(buffer.readableBytes, into: &size)
                context.write(wrapOutboundOut(size), promise: nil)
                context.write(wrapOutboundOut(buffer), promise: nil)
                context.write(wrapOutboundOut(Self.crlf), promise: nil)
            } else {
                context.write(wrapOutboundOut(buffer), promise: nil)
            }
            exchange.needsClientFlush = true
            if !context.channel.isWritable {
                context.flush()
                exchange.needsClientFlush = false
                if !context.channel.isWritable { connection.pauseReading() }
            }
        case .end(let trailers):
            if exchange.isSwitchingProtocols {
                context.flush()
                startTunnel(exchange, connection)
                return
            }
            finish(exchange, trailers: trailers)
        }
    }

    func upstreamReadComplete(_ connection: UpstreamConnection) {
        guard let exchange, exchange.connection === connection, exchange.needsClientFlush else { return }
        exchange.needsClientFlush = false
        exchange.lastProgress = .now()
        context?.flush()
    }

    func upstreamWritabilityChanged(_ connection: UpstreamConnection) {
        resumeReadingIfPossible()
    }

    func upstreamClosed(_ connection: UpstreamConnection, error: (any Error)?) {
        guard let exchange, exchange.connection === connection, let slot = exchange.slot else { return }
        exchange.connection = nil
        if exchange.responseStarted {
            // The response was cut short; the client sees the connection close.
            loop.logger.warning("upstream closed mid-response", metadata: ["upstream.address": "\(slot.upstream.address)"])
            closeNow()
            return
        }
        let reason = "upstream \(slot.upstream.address) closed the connection before responding" + (error.map { ": \($0)" } ?? "")
        upstreamFailed(exchange, slot: slot, status: .badGateway, reason: reason, reusedConnection: exchange.connectionWasReused)
    }
}
