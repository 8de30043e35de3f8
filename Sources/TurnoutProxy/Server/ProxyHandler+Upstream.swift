import NIOCore
import NIOHTTP1

extension ProxyHandler: UpstreamReceiver {
    /// The line end after a chunk's data, shared (buffers are copy-on-write).
    static let crlf = ByteBuffer(string: "\r\n")
    /// Body parts up to this size are copied next to their head or chunk framing rather than written on their own.
    static let maxCopiedBodyBytes = 2048

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
                // 100 Continue (only to a client that asked for it) and friends: pass on to HTTP/1.1 clients, then
                // wait for the final head.
                if exchange.clientVersion.minor >= 1 && !exchange.responseStarted && (code != 100 || exchange.facts.expectsContinue) {
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
                loop.logger.warning("upstream switched protocols unasked", metadata: ["upstream.address": "\(connection.slot.upstream.address)"])
                respondLocally(exchange, status: .badGateway, message: "upstream switched protocols unasked", close: true)
                return
            }
            let (plan, edit) = ResponseRewriter.plan(
                head, requestMethod: exchange.method, clientVersion: exchange.clientVersion,
                clientKeepAlive: exchange.facts.keepAlive && !loop.isShuttingDown, isUpgrade: exchange.facts.isUpgrade
            )
            if let problem = plan.framingProblem {
                refuseInvalidResponse(exchange, connection, reason: problem.description)
                return
            }
            exchange.responseStarted = true
            exchange.status = code
            exchange.closeAfter = exchange.closeAfter || plan.closeAfterResponse
            exchange.upstreamKeepAlive = plan.upstreamKeepAlive
            exchange.isSwitchingProtocols = code == 101
            responseIsChunked = plan.isChunked
            var buffer = context.channel.allocator.buffer(capacity: 512)
            ResponseEncoding.writeHead(head, edit: edit, into: &buffer)
            // Held until the first body part, the end or the end of this read, so a small response leaves in one buffer.
            heldHead = buffer
            exchange.needsClientFlush = true
        case .body(let buffer):
            if responseIsChunked && buffer.readableBytes == 0 { return }
            writeResponseBody(buffer, context: context)
            exchange.needsClientFlush = true
            if !context.channel.isWritable {
                context.flush()
                exchange.needsClientFlush = false
                if !context.channel.isWritable { connection.pauseReading() }
            }
        case .end(let trailers):
            if exchange.isSwitchingProtocols {
                writeHeldHead(context: context)
                context.flush()
                startTunnel(exchange, connection)
                return
            }
            finish(exchange, trailers: trailers)
        }
    }

    /// Writes a response body part, in chunked framing when the response is chunked. A small part is copied into
    /// one buffer with the held head and its chunk framing (one write instead of up to four).
    private func writeResponseBody(_ body: ByteBuffer, context: ChannelHandlerContext) {
        let count = body.readableBytes
        let held = heldHead
        heldHead = nil
        if count <= Self.maxCopiedBodyBytes && (held != nil || responseIsChunked) {
            var out = held ?? context.channel.allocator.buffer(capacity: count + 16)
            if responseIsChunked { ResponseEncoding.writeChunkSize(count, into: &out) }
            var body = body
            out.writeBuffer(&body)
            if responseIsChunked { out.writeStaticString("\r\n") }
            context.write(wrapOutboundOut(out), promise: nil)
            return
        }
        if let held { context.write(wrapOutboundOut(held), promise: nil) }
        if responseIsChunked {
            var size = context.channel.allocator.buffer(capacity: 12)
            ResponseEncoding.writeChunkSize(count, into: &size)
            context.write(wrapOutboundOut(size), promise: nil)
            context.write(wrapOutboundOut(body), promise: nil)
            context.write(wrapOutboundOut(Self.crlf), promise: nil)
        } else {
            context.write(wrapOutboundOut(body), promise: nil)
        }
    }

    /// Writes the held response head, if any (before a flush or anything else goes to the client).
    func writeHeldHead(context: ChannelHandlerContext) {
        guard let held = heldHead else { return }
        heldHead = nil
        context.write(wrapOutboundOut(held), promise: nil)
    }

    func upstreamReadComplete(_ connection: UpstreamConnection) {
        guard let exchange, exchange.connection === connection, exchange.needsClientFlush, let context else { return }
        exchange.needsClientFlush = false
        exchange.lastProgress = .now()
        writeHeldHead(context: context)
        context.flush()
    }

    func upstreamWritabilityChanged(_ connection: UpstreamConnection) {
        resumeReadingIfPossible()
    }

    func upstreamClosed(_ connection: UpstreamConnection, error: (any Error)?) {
        guard let exchange, exchange.connection === connection, let slot = exchange.slot else { return }
        exchange.connection = nil
        if exchange.responseStarted {
            // The response was cut short; the client sees the connection close.
            loop.logger.warning("upstream closed mid-response", metadata: ["upstream.address": "\(slot.upstream.address)", "error": "\(error.map { "\($0)" } ?? "none")"])
            closeNow()
            return
        }
        if let error = error as? HTTPParserError {
            // The upstream answered with bytes that are not HTTP (or ambiguous framing): never retried, never passed on.
            refuseInvalidResponse(exchange, connection, reason: "unparsable response: \(error)")
            return
        }
        loop.logger.info("upstream closed the connection before responding", metadata: [
            "upstream.address": "\(slot.upstream.address)", "error": "\(error.map { "\($0)" } ?? "none")",
        ])
        upstreamFailed(exchange, slot: slot, status: .badGateway, reason: "upstream closed the connection before responding", reusedConnection: exchange.connectionWasReused)
    }

    /// Answers 502 for an upstream response that cannot be passed on safely and closes that upstream connection.
    private func refuseInvalidResponse(_ exchange: Exchange, _ connection: UpstreamConnection, reason: String) {
        loop.logger.warning("upstream sent an invalid response", metadata: [
            "upstream.address": "\(connection.slot.upstream.address)", "listener.name": "\(listener)", "reason": "\(reason)",
        ])
        connection.receiver = nil
        if exchange.connection === connection { exchange.connection = nil }
        connection.close()
        respondLocally(exchange, status: .badGateway, message: "upstream sent an invalid response", close: false)
    }
}
