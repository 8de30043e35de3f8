import HummingbirdCore
import TurnoutProxy

extension HTTPServerBuilder {
    /// HTTP/1.1 that refuses what Turnout's proxy refuses (ambiguous framing, a missing, doubled or malformed
    /// Host, oversized heads), answers 408 to a head that trickles in for longer than `timeouts.requestHead`,
    /// closes keep-alive connections idle for `timeouts.clientIdle`, and closes refused connections gracefully.
    public static func guardedHTTP1(limits: ProxyLimits = ProxyLimits(), timeouts: ProxyTimeouts = ProxyTimeouts()) -> HTTPServerBuilder {
        .init { responder in
            GuardedHTTP1Channel(
                base: HTTP1Channel(responder: responder, configuration: .init(idleTimeout: timeouts.clientIdle.timeAmount)),
                check: RequestHeadCheck(limits: limits),
                timeouts: timeouts
            )
        }
    }
}
