import NIOCore
import NIOHTTP1

extension ProxyHandler {
    /// After a 101 response: removes the HTTP codecs from both channels and joins them byte for byte.
    ///
    /// The tunnel leaves the upstream pool (it no longer carries HTTP) and is not closed by draining.
    func startTunnel(_ exchange: Exchange, _ connection: UpstreamConnection) {
        exchange.metrics.record(status: 101, latencyNanoseconds: (NIODeadline.now() - exchange.startedAt).nanoseconds)
        exchange.metrics.inFlight -= 1
        self.exchange = nil
        exchange.connection = nil
        isTunnel = true
        cancelTimer()
        loop.clientClosed(self)
        connection.receiver = nil
        connection.slot.connectionClosed(connection)
        guard let context, let upstreamContext = connection.context else {
            connection.close()
            closeNow()
            return
        }
        let clientChannel = context.channel
        let upstreamChannel = upstreamContext.channel
        context.eventLoop.assumeIsolated().execute {
            let (clientSide, upstreamSide) = TunnelHandler.matchedPair()
            do {
                let client = clientChannel.pipeline.syncOperations
                let upstream = upstreamChannel.pipeline.syncOperations
                try client.addHandler(clientSide)
                try upstream.addHandler(upstreamSide)
                upstream.removeHandler(name: HandlerName.upstreamConnection, promise: nil)
                upstream.removeHandler(name: HandlerName.upstreamEncoder, promise: nil)
                // Decoders hand over the bytes they hold beyond the HTTP messages once their removal completes
                // (a later loop tick); those bytes need a flush on the other side.
                upstream.removeHandler(name: HandlerName.upstreamDecoder).whenComplete { _ in clientChannel.flush() }
                // The read gate passes what it holds on, then leaves once the decoder has handed over its bytes.
                try client.handler(type: ClientReadGate.self).passThrough()
                client.removeHandler(name: HandlerName.clientDecoder).whenComplete { _ in
                    upstreamChannel.flush()
                    clientChannel.pipeline.removeHandler(name: HandlerName.clientGate).whenComplete { _ in upstreamChannel.flush() }
                }
                client.removeHandler(name: HandlerName.clientProxy, promise: nil)
                clientSide.startReading()
                upstreamSide.startReading()
            } catch {
                clientChannel.close(promise: nil)
                upstreamChannel.close(promise: nil)
            }
        }
    }
}
