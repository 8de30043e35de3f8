import HummingbirdCore
import Logging
import NIOCore
import NIOHTTP1
import TurnoutProxy

/// Hummingbird's HTTP/1.1 child channel with `ConnectionGuard` in front of its decoder and `RequestGuard` right
/// after it, so every request the application sees has passed the proxy's rules.
struct GuardedHTTP1Channel: ServerChildChannel {
    typealias Value = HTTP1Channel.Value

    let base: HTTP1Channel
    let check: RequestHeadCheck
    let timeouts: ProxyTimeouts

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        let (check, headTimeout, lingeringClose) = (check, timeouts.requestHead.timeAmount, timeouts.lingeringClose.timeAmount)
        return base.setup(channel: channel, logger: logger).flatMapThrowing { value in
            let operations = channel.pipeline.syncOperations
            let decoder = try operations.handler(type: ByteToMessageHandler<HTTPRequestDecoder>.self)
            let connection = ConnectionGuard(lingeringClose: lingeringClose)
            try operations.addHandler(connection, position: .first)
            try operations.addHandler(
                RequestGuard(check: check, headTimeout: headTimeout, connection: connection),
                position: .after(decoder)
            )
            return value
        }
    }

    func handle(value: Value, logger: Logger) async {
        await base.handle(value: value, logger: logger)
    }
}
