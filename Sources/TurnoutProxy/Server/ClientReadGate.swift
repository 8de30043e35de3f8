import NIOCore

/// Sits before the request decoder and hands it a client's bytes a slice at a time, only while the connection's
/// `ProxyHandler` wants more: bytes the proxy is not ready for stay here raw (compact) instead of being decoded
/// into a queue of pipelined requests, and the socket is not read again until they are consumed.
///
/// This bounds what a client that pipelines without reading its answers can make the proxy hold: one socket
/// read of raw bytes plus the requests of one slice (see docs/proxy.md, "Memory").
final class ClientReadGate: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer
    typealias OutboundIn = Never

    /// How many bytes go to the decoder at a time while the proxy might stop taking requests.
    static let sliceBytes = 4_096

    /// Whose wishes are followed; `nil` passes everything through.
    weak var receiver: ProxyHandler?
    @exclusivity(unchecked) private var held: ByteBuffer?
    @exclusivity(unchecked) private var isDelivering = false
    @exclusivity(unchecked) private var heldInputClosed = false
    @exclusivity(unchecked) private var context: ChannelHandlerContext?

    /// Whether raw bytes wait here for the proxy.
    var isHolding: Bool { held != nil }

    /// Bytes waiting here (for tests and metrics).
    var heldBytes: Int { held?.readableBytes ?? 0 }

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        self.context = nil
    }

    /// Whether the proxy wants no more requests now.
    private var receiverIsPaused: Bool {
        guard let receiver else { return false }
        return receiver.holdsClientInput
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var buffer = unwrapInboundIn(data)
        if held == nil {
            held = buffer
        } else {
            held!.writeBuffer(&buffer)
        }
        deliver(context: context)
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        // `deliver` reports its own read completions.
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if case .inputClosed = event as? ChannelEvent, held != nil {
            heldInputClosed = true  // passed on once the held bytes are
            return
        }
        context.fireUserInboundEventTriggered(event)
    }

    func channelInactive(context: ChannelHandlerContext) {
        held = nil
        heldInputClosed = false
        context.fireChannelInactive()
    }

    func read(context: ChannelHandlerContext) {
        if isDelivering { return }  // the loop in `deliver` checks again
        if held != nil {
            deliver(context: context)
            if held != nil { return }
        }
        context.read()
    }

    /// Passes held bytes on, a slice at a time, while the proxy takes them; reports a read completion after.
    private func deliver(context: ChannelHandlerContext) {
        guard !isDelivering else { return }
        isDelivering = true
        var delivered = false
        while var buffer = held, buffer.readableBytes > 0, !receiverIsPaused {
            let count = min(receiver?.inputSliceBytes ?? buffer.readableBytes, buffer.readableBytes)
            let slice = buffer.readSlice(length: count)!
            held = buffer.readableBytes > 0 ? buffer : nil
            delivered = true
            context.fireChannelRead(wrapInboundOut(slice))
        }
        isDelivering = false
        if held == nil, heldInputClosed {
            heldInputClosed = false
            context.fireUserInboundEventTriggered(ChannelEvent.inputClosed)
        }
        if delivered { context.fireChannelReadComplete() }
    }

    /// Stops gating (the connection became a tunnel): held bytes go on as they are.
    func passThrough() {
        receiver = nil
        if let context { deliver(context: context) }
    }
}
