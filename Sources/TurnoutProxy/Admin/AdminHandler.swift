import Foundation
import NIOCore
import NIOHTTP1

/// Hands each complete admin request to `AdminAPI` and writes the answer; thin.
final class AdminHandler: ChannelInboundHandler {
    typealias InboundIn = NIOHTTPServerRequestFull
    typealias OutboundOut = HTTPServerResponsePart

    private let api: AdminAPI

    init(api: AdminAPI) {
        self.api = api
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let request = unwrapInboundIn(data)
        let body = request.body.map { Data($0.readableBytesView) } ?? Data()
        let api = self.api
        let method = request.head.method.rawValue
        let uri = request.head.uri
        let authorization = request.head.headers.first(name: "authorization")
        let keepAlive = request.head.isKeepAlive
        let promise = context.eventLoop.makePromise(of: AdminResponse.self)
        promise.completeWithTask {
            await api.respond(method: method, uri: uri, authorization: authorization, body: body)
        }
        promise.futureResult.assumeIsolated().whenSuccess { response in
            var headers = HTTPHeaders()
            headers.add(name: "Content-Type", value: response.contentType)
            headers.add(name: "Content-Length", value: String(response.body.utf8.count))
            if !keepAlive { headers.add(name: "Connection", value: "close") }
            context.write(self.wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: response.status, headers: headers))), promise: nil)
            context.write(self.wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(string: response.body)))), promise: nil)
            let done = context.writeAndFlush(self.wrapOutboundOut(.end(nil)))
            if !keepAlive { done.assumeIsolated().whenComplete { _ in context.close(promise: nil) } }
        }
    }
}
