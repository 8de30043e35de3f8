import NIOCore

/// The front of a guarded server connection, on its raw bytes: tells `RequestGuard` when bytes arrive (the
/// first byte of a head starts its deadline), and closes a refused connection gracefully: output shut once the
/// answer is out, input read and discarded until the client closes or `lingeringClose` passes, so the client
/// reads the answer instead of a reset (nginx's lingering close).
final class ConnectionGuard: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer
    typealias OutboundIn = IOData
    typealias OutboundOut = IOData

    /// Called on the event loop whenever bytes arrive, before the decoder sees them.
    var onBytes: () -> Void = {}
    private let lingeringClose: TimeAmount
    private var context: ChannelHandlerContext?
    private var lingerDeadline: Scheduled<Void>?
    private var isLingering = false

    init(lingeringClose: TimeAmount) {
        self.lingeringClose = lingeringClose
    }

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        lingerDeadline?.cancel()
        self.context = nil
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if isLingering { return }  // what a refused client still sends is discarded unparsed
        onBytes()
        context.fireChannelRead(data)
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        if isLingering {
            context.read()
        } else {
            context.fireChannelReadComplete()
        }
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if isLingering, case ChannelEvent.inputClosed = event {
            context.close(promise: nil)
            return
        }
        context.fireUserInboundEventTriggered(event)
    }

    /// Shuts the output once what was written is out, then discards input until the client closes or
    /// `lingeringClose` passes, and closes.
    func closeGracefully() {
        guard let context, !isLingering, context.channel.isActive else { return }
        isLingering = true
        context.close(mode: .output, promise: nil)
        lingerDeadline = context.eventLoop.assumeIsolated().scheduleTask(in: lingeringClose) { [weak self] in
            self?.context?.close(promise: nil)
        }
        context.read()
    }
}
