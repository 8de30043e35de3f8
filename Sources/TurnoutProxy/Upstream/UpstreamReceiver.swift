import NIOHTTP1

/// Whoever is using an upstream connection right now: the client exchange or a mirror.
///
/// Called on the connection's event loop only.
protocol UpstreamReceiver: AnyObject {
    /// A response part arrived.
    func upstreamReceived(_ part: HTTPClientResponsePart, from connection: UpstreamConnection)
    /// A read burst ended: time to flush what was written to the client.
    func upstreamReadComplete(_ connection: UpstreamConnection)
    /// The upstream socket can take more (or no more) request bytes.
    func upstreamWritabilityChanged(_ connection: UpstreamConnection)
    /// The connection closed or failed while this receiver used it.
    func upstreamClosed(_ connection: UpstreamConnection, error: (any Error)?)
}
