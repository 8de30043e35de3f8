import Logging
import NIOCore
import NIOHTTP1

extension ProxyHandler {
    /// Sends the exchange to `slot`: an idle keep-alive connection when there is one (unless `fresh`), else a new one.
    func dispatch(_ exchange: Exchange, to slot: LoopUpstream, fresh: Bool) {
        exchange.slot = slot
        if !fresh, let connection = slot.takeIdle() {
            attach(exchange, connection, reused: true)
            return
        }
        loop.connector.connect(slot) { result in
            guard self.exchange === exchange, !exchange.responseStarted else {
                if case .success(let connection) = result { slot.release(connection) }
                return
            }
            switch result {
            case .success(let connection):
                self.attach(exchange, connection, reused: false)
            case .failure(let error):
                exchange.metrics.connectErrors += 1
                self.loop.logger.warning("connect to upstream failed", metadata: [
                    "upstream.address": "\(slot.upstream.address)", "listener.name": "\(self.listener)", "error": "\(error)",
                ])
                self.upstreamFailed(exchange, slot: slot, status: .badGateway, reason: "could not connect to the upstream", reusedConnection: false)
            }
        }
    }

    private func attach(_ exchange: Exchange, _ connection: UpstreamConnection, reused: Bool) {
        exchange.connection = connection
        exchange.connectionWasReused = reused
        connection.receiver = self
        connection.send(.head(exchange.head))
        if let buffered = exchange.buffered {
            exchange.buffered = nil
            for buffer in buffered {
                connection.send(.body(.byteBuffer(buffer)))
                exchange.bodyBytesSent += buffer.readableBytes
            }
        }
        if exchange.requestComplete { connection.sendEnd(exchange.trailers, chunked: exchange.facts.framing == .chunked) }
        connection.flush()
        exchange.lastProgress = .now()
        armTimer()
        resumeReadingIfPossible()
    }

    /// The upstream failed before any response byte reached the client: retry when safe, else answer `status`.
    ///
    /// A reused keep-alive connection the upstream had closed gets one retry on a fresh connection; a refused or
    /// failed upstream gets one retry on another replica. Both only for idempotent requests with no body byte sent.
    func upstreamFailed(_ exchange: Exchange, slot: LoopUpstream, status: HTTPResponseStatus, reason: String, reusedConnection: Bool) {
        exchange.connection = nil
        if exchange.isReplayable {
            if reusedConnection && exchange.staleRetries == 0 && !slot.isDraining {
                exchange.staleRetries += 1
                dispatch(exchange, to: slot, fresh: true)
                return
            }
            if exchange.retries == 0, let other = exchange.pool?.pick(excluding: slot) {
                exchange.retries += 1
                loop.logger.info("retry on another upstream", metadata: [
                    "upstream.address": "\(other.upstream.address)", "upstream.failed": "\(slot.upstream.address)",
                ])
                dispatch(exchange, to: other, fresh: false)
                return
            }
        }
        respondLocally(exchange, status: status, message: reason, close: false)
    }

    /// Answers the exchange with a response of the proxy's own, then completes it.
    func respondLocally(_ exchange: Exchange, status: HTTPResponseStatus, message: String, close: Bool) {
        guard let context else { return }
        if let connection = exchange.connection {
            exchange.connection = nil
            connection.receiver = nil
            connection.close()
        }
        exchange.mirror?.abort()
        heldHead = nil
        let mustClose = close || exchange.closeAfter || exchange.hasUnreadBody || !exchange.facts.keepAlive || loop.isShuttingDown
        let response = LocalResponse(status: status, message: message, closeConnection: mustClose)
        exchange.responseStarted = true
        exchange.status = Int(status.code)
        exchange.closeAfter = mustClose
        if close { exchange.lingerOnClose = true }
        var buffer = context.channel.allocator.buffer(capacity: 256)
        ResponseEncoding.writeHead(response.head(), into: &buffer)
        buffer.writeString(response.bodyText)
        responseIsChunked = false
        context.write(wrapOutboundOut(buffer), promise: nil)
        finish(exchange, trailers: nil)
    }

    /// Refuses a request that failed validation (or could not be parsed) and closes the connection.
    func reject(_ rejection: RequestRejection, head: HTTPRequestHead? = nil, at now: NIODeadline = .now()) {
        let head = head ?? HTTPRequestHead(version: .http1_1, method: .GET, uri: "/")
        let exchange = Exchange(head: head, facts: Exchange.rejectedFacts(head), startedAt: now, metrics: loop.metrics(unroutedLabels))
        self.exchange = exchange
        loop.logger.debug("request refused", metadata: ["listener.name": "\(listener)", "client.address": "\(clientAddress)", "reason": "\(rejection)"])
        respondLocally(exchange, status: rejection.status, message: rejection.description, close: true)
    }

    /// Writes the response end, counts the exchange, returns the upstream connection and moves on to the next
    /// request (or closes the connection).
    func finish(_ exchange: Exchange, trailers: HTTPHeaders?) {
        guard let context else { return }
        let now = NIODeadline.now()
        exchange.metrics.record(status: exchange.status, latencyNanoseconds: (now - exchange.startedAt).nanoseconds)
        exchange.metrics.inFlight -= 1
        if let connection = exchange.connection, let slot = exchange.slot {
            exchange.connection = nil
            if exchange.requestComplete && exchange.upstreamKeepAlive {
                slot.release(connection)
            } else {
                connection.receiver = nil
                connection.close()
            }
        }
        self.exchange = nil
        if exchange.closeAfter || exchange.hasUnreadBody || loop.isShuttingDown {
            isClosing = true
            let lingers = (exchange.lingerOnClose || exchange.hasUnreadBody) && !loop.isShuttingDown
            let promise = context.eventLoop.makePromise(of: Void.self)
            writeResponseEnd(trailers, context: context, promise: promise)
            promise.futureResult.assumeIsolated().whenComplete { result in
                if lingers, case .success = result {
                    self.closeGracefully()
                } else {
                    context.close(promise: nil)
                }
            }
            return
        }
        writeResponseEnd(trailers, context: context, promise: nil)
        idleSince = now
        processPipelined()
        armTimer()
        resumeReadingIfPossible()
    }

    /// Goes on with queued request parts until one exchange is in progress again, or until the client stops
    /// reading its answers (the outbound buffer past its high watermark): then the queue waits for
    /// `channelWritabilityChanged`, and the read gate holds the rest of the client's bytes.
    ///
    /// The queue stays in `pipelined` while it is worked on: starting an exchange may resume reading, and parts
    /// the read gate then delivers must queue up behind the ones here.
    func processPipelined() {
        guard let context else { return }
        while let part = pipelined?.first {
            if isClosing {
                pipelined = nil
                return
            }
            let waits: Bool
            if let exchange = self.exchange {
                waits = exchange.requestComplete
            } else {
                waits = !context.channel.isWritable
            }
            if waits { return }
            pipelined!.removeFirst()
            if pipelined!.isEmpty { pipelined = nil }
            process(part)
        }
    }

    /// Writes the end of the response (the last chunk when chunked) and flushes.
    func writeResponseEnd(_ trailers: HTTPHeaders?, context: ChannelHandlerContext, promise: EventLoopPromise<Void>?) {
        let held = heldHead
        heldHead = nil
        if responseIsChunked {
            responseIsChunked = false
            var buffer = held ?? context.channel.allocator.buffer(capacity: 5)
            ResponseEncoding.writeLastChunk(trailers: trailers, into: &buffer)
            context.writeAndFlush(wrapOutboundOut(buffer), promise: promise)
        } else if let held {
            context.writeAndFlush(wrapOutboundOut(held), promise: promise)
        } else if let promise {
            context.writeAndFlush(wrapOutboundOut(context.channel.allocator.buffer(capacity: 0)), promise: promise)
        } else {
            context.flush()
        }
    }

    /// Gives up on an exchange whose client went away: the upstream connection cannot be reused.
    func abandon(_ exchange: Exchange, status: Int) {
        exchange.mirror?.abort()
        if let connection = exchange.connection {
            exchange.connection = nil
            connection.receiver = nil
            connection.close()
        }
        exchange.metrics.record(status: status, latencyNanoseconds: (NIODeadline.now() - exchange.startedAt).nanoseconds)
        exchange.metrics.inFlight -= 1
    }

    /// Closes the client connection now, abandoning any exchange.
    func closeNow() {
        isClosing = true
        heldHead = nil
        pipelined = nil
        if let exchange {
            self.exchange = nil
            abandon(exchange, status: exchange.responseStarted ? exchange.status : 502)
        }
        context?.close(promise: nil)
    }

    /// Shuts the output once the last response is out, then reads and discards what the client still sends until
    /// it closes or `lingeringClose` passes: closing with unread input would reset the connection, and the client
    /// could lose the answer (nginx's lingering close).
    func closeGracefully() {
        guard let context, context.channel.isActive else { return }
        isLingering = true
        lingerSince = .now()
        context.close(mode: .output, promise: nil)
        armTimer()
        context.read()
    }

    /// Closes the connection if no exchange is in progress (graceful shutdown).
    func closeIfIdle() {
        if exchange == nil && !isTunnel { closeNow() }
    }
}
