import NIOCore
import NIOHTTP1

/// One keep-alive HTTP/1.1 connection to an upstream: forwards response parts to its current receiver and
/// writes request parts for it. Thin: decisions are the receiver's.
final class UpstreamConnection: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPClientResponsePart
    typealias OutboundIn = HTTPClientRequestPart
    typealias OutboundOut = HTTPClientRequestPart

    /// The upstream slot (per event loop) this connection belongs to.
    let slot: LoopUpstream
    /// Who gets the response parts; `nil` while idle in the pool.
    @exclusivity(unchecked) var receiver: (any UpstreamReceiver)?
    /// Whether it already served a request (a reused connection may have been closed by the upstream meanwhile).
    @exclusivity(unchecked) var hasServedRequest = false
    @exclusivity(unchecked) private(set) var context: ChannelHandlerContext?
    @exclusivity(unchecked) private var isReadPaused = false
    @exclusivity(unchecked) private var pendingRead = false
    @exclusivity(unchecked) private var closeError: (any Error)?

    /// Creates the handler for a connection to `slot`.
    init(slot: LoopUpstream) {
        self.slot = slot
    }

    /// Whether the socket is open.
    var isActive: Bool { context?.channel.isActive ?? false }

    /// Whether the socket can take more bytes now.
    var isWritable: Bool { context?.channel.isWritable ?? false }

    /// Writes a request part (no flush).
    func send(_ part: HTTPClientRequestPart) {
        context?.write(wrapOutboundOut(part), promise: nil)
    }

    /// Writes the end of a request (no flush). Only a chunked request has bytes for its end (the last chunk and
    /// trailers); for any other the part is skipped rather than passed through the codec for nothing.
    func sendEnd(_ trailers: HTTPHeaders?, chunked: Bool) {
        if chunked { send(.end(trailers)) }
    }

    /// Flushes written parts.
    func flush() {
        context?.flush()
    }

    /// Stops reading responses until `resumeReading()` (the client cannot take more).
    func pauseReading() {
        isReadPaused = true
    }

    /// Reads again after `pauseReading()`.
    func resumeReading() {
        guard isReadPaused else { return }
        isReadPaused = false
        if pendingRead, let context {
            pendingRead = false
            context.read()
        }
    }

    /// Closes the connection; the receiver, if any, is told through `upstreamClosed`.
    func close() {
        context?.close(promise: nil)
    }

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        self.context = nil
    }

    func channelActive(context: ChannelHandlerContext) {
        slot.connectionOpened(self)
        context.fireChannelActive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let part = unwrapInboundIn(data)
        guard let receiver else {
            // An idle connection must not receive anything; the upstream broke the protocol.
            context.close(promise: nil)
            return
        }
        receiver.upstreamReceived(part, from: self)
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        receiver?.upstreamReadComplete(self)
        context.fireChannelReadComplete()
    }

    func channelWritabilityChanged(context: ChannelHandlerContext) {
        receiver?.upstreamWritabilityChanged(self)
        context.fireChannelWritabilityChanged()
    }

    func channelInactive(context: ChannelHandlerContext) {
        slot.connectionClosed(self)
        if let receiver {
            self.receiver = nil
            receiver.upstreamClosed(self, error: closeError)
        }
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        closeError = error
        context.close(promise: nil)
    }

    func read(context: ChannelHandlerContext) {
        if isReadPaused {
            pendingRead = true
        } else {
            context.read()
        }
    }
}
