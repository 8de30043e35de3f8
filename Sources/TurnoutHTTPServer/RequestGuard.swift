import NIOCore
import NIOHTTP1
import TurnoutProxy

/// Between a guarded server's HTTP decoder and the application: refuses what the proxy refuses (framing, Host,
/// request target, limits; `RequestHeadCheck`) before the application sees it, and answers 408 when a head is
/// not complete within the head timeout of its first byte (slowloris). A refusal waits for the answers to
/// earlier pipelined requests, then closes the connection gracefully; nothing after it reaches the application.
final class RequestGuard: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart
    typealias OutboundIn = HTTPServerResponsePart
    typealias OutboundOut = HTTPServerResponsePart

    private let check: RequestHeadCheck
    private let headTimeout: TimeAmount
    private let connection: ConnectionGuard
    private var context: ChannelHandlerContext?
    /// Whether the decoder is between requests, so that the next byte starts a head.
    private var betweenRequests = true
    /// Requests passed to the application whose responses have not ended.
    private var unanswered = 0
    private var headDeadline: Scheduled<Void>?
    /// The refusal to send once earlier responses have ended; set, nothing more is passed on.
    private var refusal: RequestRejection?
    private var refusalSent = false

    init(check: RequestHeadCheck, headTimeout: TimeAmount, connection: ConnectionGuard) {
        self.check = check
        self.headTimeout = headTimeout
        self.connection = connection
    }

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
        connection.onBytes = { [weak self] in self?.bytesArrived() }
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        cancelDeadline()
        connection.onBytes = {}
        self.context = nil
    }

    func channelInactive(context: ChannelHandlerContext) {
        cancelDeadline()
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard refusal == nil else { return }
        let part = unwrapInboundIn(data)
        switch part {
        case .head(let head):
            betweenRequests = false
            cancelDeadline()
            if let rejection = check.rejection(for: head) {
                refuse(rejection)
                return
            }
            unanswered += 1
        case .body:
            break
        case .end:
            betweenRequests = true
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        context.write(data, promise: promise)
        if case .end = unwrapOutboundIn(data) {
            unanswered = max(0, unanswered - 1)
            if unanswered == 0, refusal != nil { sendRefusal() }
        }
    }

    private func bytesArrived() {
        guard betweenRequests, headDeadline == nil, refusal == nil, let context else { return }
        headDeadline = context.eventLoop.assumeIsolated().scheduleTask(in: headTimeout) { [weak self] in
            self?.headDeadline = nil
            self?.refuse(.headerTimeout)
        }
    }

    private func refuse(_ rejection: RequestRejection) {
        guard refusal == nil else { return }
        refusal = rejection
        cancelDeadline()
        if unanswered == 0 {
            sendRefusal()
        } else if rejection == .headerTimeout {
            context?.close(promise: nil)  // the application is still answering: a 408 now would cut into it
        }
    }

    private func sendRefusal() {
        guard let context, let refusal, !refusalSent else { return }
        refusalSent = true
        let response = LocalResponse(status: refusal.status, message: refusal.description, closeConnection: true)
        context.write(wrapOutboundOut(.head(response.head())), promise: nil)
        context.write(wrapOutboundOut(.body(.byteBuffer(response.body(allocator: context.channel.allocator)))), promise: nil)
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
        connection.closeGracefully()
    }

    private func cancelDeadline() {
        headDeadline?.cancel()
        headDeadline = nil
    }
}
