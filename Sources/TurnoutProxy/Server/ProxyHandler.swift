import Logging
import NIOCore
import NIOHTTP1

/// Serves one client connection: validates each request, routes it, streams it to an upstream connection of
/// this event loop and streams the response back, with backpressure both ways.
///
/// One exchange at a time; pipelined requests wait in order. Reads from the client pause while the upstream
/// cannot take more bytes, and upstream reads pause while the client cannot.
final class ProxyHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    /// The loop's shared state.
    let loop: LoopContext
    /// The listener this connection came in on.
    let listener: String
    let validator: RequestValidator
    let rewriter: RequestRewriter
    @exclusivity(unchecked) var context: ChannelHandlerContext?
    @exclusivity(unchecked) var clientAddress = "unknown"
    /// The exchange in progress.
    @exclusivity(unchecked) var exchange: Exchange?
    /// Set once the connection is closing: further requests are ignored.
    @exclusivity(unchecked) var isClosing = false
    /// Set once the connection became a tunnel.
    @exclusivity(unchecked) var isTunnel = false
    /// Request parts decoded while an exchange is in progress (pipelining), or while the client is not reading
    /// its answers; at most one `ClientReadGate` slice of them.
    @exclusivity(unchecked) var pipelined: CircularBuffer<HTTPServerRequestPart>?
    /// The gate before the decoder that holds raw bytes while this handler takes no more requests.
    @exclusivity(unchecked) var readGate: ClientReadGate?
    @exclusivity(unchecked) var pendingRead = false
    @exclusivity(unchecked) var cachedRoutes: ListenerRoutes?
    @exclusivity(unchecked) var idleSince: NIODeadline = .now()
    @exclusivity(unchecked) var partialHeadSince: NIODeadline?
    /// Whether the current read burst delivered any request part (if not, a head is arriving piecemeal).
    @exclusivity(unchecked) var deliveredPartThisRead = false
    /// Whether the response in progress is chunked on the wire.
    @exclusivity(unchecked) var responseIsChunked = false
    /// The response head, encoded but not yet written: it waits for the first body part, the response end or
    /// the end of the upstream read, so a small response goes to the socket as one buffer.
    @exclusivity(unchecked) var heldHead: ByteBuffer?
    /// Set once the output is shut after a refusal: input is read and discarded until the client closes.
    @exclusivity(unchecked) var isLingering = false
    @exclusivity(unchecked) var lingerSince: NIODeadline = .now()
    @exclusivity(unchecked) var timer: Scheduled<Void>?
    @exclusivity(unchecked) var timerFiresAt: NIODeadline?

    /// Creates the handler for a connection on `listener`.
    init(loop: LoopContext, listener: String) {
        self.loop = loop
        self.listener = listener
        self.validator = RequestValidator(limits: loop.configuration.limits)
        self.rewriter = RequestRewriter(trustForwardedHeaders: loop.configuration.trustForwardedHeaders)
    }

    /// Adds the request decoder (limits from the configuration) and the handler, which writes responses as bytes itself.
    static func configure(_ pipeline: ChannelPipeline.SynchronousOperations, loop: LoopContext, listener: String) throws {
        let limits = loop.configuration.limits
        var decoderLimits = NIOHTTPDecoderLimitConfiguration()
        decoderLimits.maxHeaderFieldSize = max(limits.maxRequestTargetBytes, limits.maxHeaderBytes) + 64
        decoderLimits.maxHeaderListSize = limits.maxRequestTargetBytes + limits.maxHeaderBytes + 64
        decoderLimits.maxHeaderFieldCount = limits.maxHeaderCount + 1
        let proxy = ProxyHandler(loop: loop, listener: listener)
        let gate = ClientReadGate()
        gate.receiver = proxy
        proxy.readGate = gate
        try pipeline.addHandler(gate, name: HandlerName.clientGate)
        try pipeline.addHandler(
            ByteToMessageHandler(HTTPRequestDecoder(leftOverBytesStrategy: .forwardBytes, informationalResponseStrategy: .drop, limitConfiguration: decoderLimits)),
            name: HandlerName.clientDecoder
        )
        try pipeline.addHandler(proxy, name: HandlerName.clientProxy)
    }

    // MARK: Channel events

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        cancelTimer()
        self.context = nil
    }

    func channelActive(context: ChannelHandlerContext) {
        clientAddress = context.channel.remoteAddress?.ipAddress ?? "unknown"
        loop.clientOpened(self)
        idleSince = .now()
        armTimer()
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        loop.clientClosed(self)
        cancelTimer()
        isClosing = true
        pipelined = nil  // the client is gone: nothing queued goes upstream
        if let exchange {
            self.exchange = nil
            abandon(exchange, status: exchange.responseStarted ? exchange.status : 499)
        }
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if isTunnel {
            context.fireChannelRead(data)
            return
        }
        let part = unwrapInboundIn(data)
        deliveredPartThisRead = true
        if isClosing { return }
        if pipelined != nil {
            pipelined!.append(part)
            return
        }
        // A request waits while another is in progress, or while the client is not reading its answers.
        if exchange?.requestComplete ?? !context.channel.isWritable {
            pipelined = CircularBuffer(initialCapacity: 4)
            pipelined!.append(part)
            return
        }
        process(part)
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        if let exchange {
            if exchange.needsUpstreamFlush {
                exchange.needsUpstreamFlush = false
                exchange.connection?.flush()
            }
        } else if !deliveredPartThisRead, partialHeadSince == nil, !isClosing {
            // Bytes arrived but no head came out of the decoder: a head is trickling in (slowloris clock starts).
            partialHeadSince = .now()
        }
        deliveredPartThisRead = false
        armTimer()
        context.fireChannelReadComplete()
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if case .inputClosed = event as? ChannelEvent {
            // The client half-closed: answer what it sent, then close.
            if let exchange, !isTunnel {
                exchange.closeAfter = true
            } else if !isTunnel {
                closeNow()
            }
        }
        context.fireUserInboundEventTriggered(event)
    }

    func channelWritabilityChanged(context: ChannelHandlerContext) {
        if context.channel.isWritable {
            if let exchange {
                exchange.lastProgress = .now()
                exchange.connection?.resumeReading()
                resumeReadingIfPossible()
            } else if !isTunnel {
                // The client reads its answers again: go on with the requests it queued.
                processPipelined()
                armTimer()
                resumeReadingIfPossible()
            }
        }
        context.fireChannelWritabilityChanged()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        if isLingering, error is HTTPParserError || error is ByteToMessageDecoderError {
            return  // what a refused client still sends is discarded unparsed
        }
        if isTunnel || isClosing {
            context.close(promise: nil)
            return
        }
        guard let parserError = error as? HTTPParserError else {
            closeNow()
            return
        }
        let rejection: RequestRejection
        switch parserError {
        case .headerOverflow: rejection = .headersTooLarge(limit: loop.configuration.limits.maxHeaderBytes)
        default: rejection = .malformed("\(parserError)")
        }
        if let exchange {
            if exchange.responseStarted {
                closeNow()
            } else {
                respondLocally(exchange, status: rejection.status, message: rejection.description, close: true)
            }
        } else {
            reject(rejection)
        }
    }

    func read(context: ChannelHandlerContext) {
        if isLingering {
            context.read()
        } else if shouldPauseReading {
            pendingRead = true
        } else {
            context.read()
        }
    }

    // MARK: Reading the request

    func process(_ part: HTTPServerRequestPart) {
        switch part {
        case .head(let head): begin(head)
        case .body(let buffer): receiveBody(buffer)
        case .end(let trailers): receiveEnd(trailers)
        }
    }

    private func begin(_ head: HTTPRequestHead) {
        partialHeadSince = nil
        let now = NIODeadline.now()
        let facts: RequestFacts
        switch validator.validate(head) {
        case .failure(let rejection):
            reject(rejection, head: head, at: now)
            return
        case .success(let validated):
            facts = validated
        }
        let routes = currentRoutes()
        guard let route = routes.lookup.find(host: facts.host, path: facts.path) else {
            let exchange = Exchange(head: head, facts: facts, startedAt: now, metrics: loop.metrics(unroutedLabels))
            self.exchange = exchange
            respondLocally(exchange, status: .notFound, message: "no route for host '\(facts.host ?? "")' and path '\(facts.path)' on listener '\(listener)'", close: false)
            return
        }
        let decision = route.selector.select(head.headers)
        var pool = route.pool(decision.destination) ?? route.stable
        var slot = pool.pick(stickyHash: decision.stickyHash)
        if slot == nil, Self.mayFallBack(decision.reason) {
            let other: SplitDestination = decision.destination == .stable ? .canary : .stable
            if let otherPool = route.pool(other), let otherSlot = otherPool.pick(stickyHash: decision.stickyHash) {
                pool = otherPool
                slot = otherSlot
            }
        }
        let exchange = Exchange(head: head, facts: facts, startedAt: now, metrics: pool.metrics)
        exchange.pool = pool
        self.exchange = exchange
        guard let slot else {
            respondLocally(exchange, status: .serviceUnavailable, message: "no healthy upstream in pool '\(pool.revision)' of route '\(route.name)'", close: false)
            return
        }
        rewriter.rewrite(&exchange.head, facts: facts, clientAddress: clientAddress, fallbackHost: "\(slot.upstream.address)")
        if pool === route.stable, route.mirror != nil, route.mirror!.shouldMirror(method: head.method, path: facts.path, headers: head.headers),
            let canary = route.canary, let mirrorSlot = canary.pick() {
            canary.metrics.mirrored += 1
            exchange.mirror = MirrorExchange(loop: loop, slot: mirrorSlot, head: exchange.head, maxBufferedBytes: loop.configuration.maxMirrorBufferBytes)
        }
        dispatch(exchange, to: slot, fresh: false)
    }

    private static func mayFallBack(_ reason: SplitReason) -> Bool {
        switch reason {
        case .weight, .sticky: return true
        case .headerRoute, .cookieRoute: return false
        }
    }

    private func receiveBody(_ buffer: ByteBuffer) {
        guard let exchange, !exchange.requestComplete else { return }
        let count = buffer.readableBytes
        exchange.bodyBytesReceived += count
        if let limit = loop.configuration.limits.maxBodyBytes, exchange.bodyBytesReceived > limit {
            if exchange.responseStarted {
                closeNow()
            } else {
                respondLocally(exchange, status: .payloadTooLarge, message: RequestRejection.bodyTooLarge(limit: limit).description, close: true)
            }
            return
        }
        exchange.lastProgress = .now()
        exchange.mirror?.forwardBody(buffer)
        if let connection = exchange.connection {
            connection.send(.body(.byteBuffer(buffer)))
            exchange.bodyBytesSent += count
            exchange.needsUpstreamFlush = true
        } else {
            if exchange.buffered == nil { exchange.buffered = CircularBuffer(initialCapacity: 4) }
            exchange.buffered!.append(buffer)
        }
    }

    private func receiveEnd(_ trailers: HTTPHeaders?) {
        guard let exchange, !exchange.requestComplete else { return }
        exchange.requestComplete = true
        exchange.lastProgress = .now()
        exchange.mirror?.end(trailers)
        if let connection = exchange.connection {
            connection.sendEnd(trailers, chunked: exchange.facts.framing == .chunked)
            connection.flush()
            exchange.needsUpstreamFlush = false
        } else {
            exchange.trailers = trailers
        }
    }

    private func currentRoutes() -> ListenerRoutes {
        if let cachedRoutes, cachedRoutes.version == loop.version { return cachedRoutes }
        let routes = loop.routes(forListener: listener)
        cachedRoutes = routes
        return routes
    }

    var unroutedLabels: MetricLabels { MetricLabels(listener: listener, route: "-", revision: "-") }

    // MARK: Flow control

    /// Whether to hold back the next read from the client.
    ///
    /// A complete request keeps reading on (a keep-alive client sends nothing until it has the response, and
    /// stopping and restarting reads costs two `epoll_ctl` calls per request); only a client that actually
    /// pipelines is held back once a request waits in the queue. A streaming body pauses while the upstream
    /// cannot take more, or before the upstream connection is ready.
    var shouldPauseReading: Bool {
        if isClosing { return true }
        if pipelined != nil { return true }
        guard let exchange, !exchange.requestComplete else {
            // Between requests, or with a complete one in progress: hold back while the client does not read its
            // answers (the outbound buffer is past its high watermark).
            return !(context?.channel.isWritable ?? true)
        }
        guard let connection = exchange.connection else { return true }
        return !connection.isWritable
    }

    /// How many bytes the read gate hands over at a time: a 4 KiB slice while requests may follow (it bounds the
    /// requests decoded ahead), but a request body in progress goes on whole, since body bytes decode to
    /// themselves (up to what remains of a `Content-Length` body plus one slice; a chunked body a read at a time).
    var inputSliceBytes: Int {
        guard let exchange, !exchange.requestComplete else { return ClientReadGate.sliceBytes }
        switch exchange.facts.framing {
        case .none: return ClientReadGate.sliceBytes
        case .contentLength(let length): return max(0, length - exchange.bodyBytesReceived) + ClientReadGate.sliceBytes
        case .chunked: return Int.max
        }
    }

    /// Whether the read gate should hold the client's bytes back (lingering and tunnels take everything).
    var holdsClientInput: Bool { !isLingering && !isTunnel && shouldPauseReading }

    func resumeReadingIfPossible() {
        guard pendingRead || readGate?.isHolding == true, !shouldPauseReading, let context else { return }
        pendingRead = false
        context.read()
    }
}
