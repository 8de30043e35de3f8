import NIOCore
import NIOHTTP1

/// One request/response exchange on a client connection: where it goes and how far each side has got.
///
/// Owned by the connection's `ProxyHandler`; confined to its event loop.
final class Exchange {
    /// The request head as sent upstream (rewritten), kept for a retry.
    @exclusivity(unchecked) var head: HTTPRequestHead
    /// The client's method.
    let method: HTTPMethod
    /// The client's HTTP version.
    let clientVersion: HTTPVersion
    /// What validation learned.
    let facts: RequestFacts
    /// When the head arrived.
    let startedAt: NIODeadline
    /// Last sign of life from either side (timeouts count from here).
    @exclusivity(unchecked) var lastProgress: NIODeadline
    /// Where the outcome is counted.
    @exclusivity(unchecked) var metrics: RevisionMetrics
    /// The route's pool serving it (for a retry on another replica).
    @exclusivity(unchecked) var pool: LoopPool?
    /// The upstream chosen.
    @exclusivity(unchecked) var slot: LoopUpstream?
    /// The upstream connection in use.
    @exclusivity(unchecked) var connection: UpstreamConnection?
    /// Whether the connection came from the idle pool (it may have been closed by the upstream meanwhile).
    @exclusivity(unchecked) var connectionWasReused = false
    /// Body parts received before an upstream connection was ready.
    @exclusivity(unchecked) var buffered: CircularBuffer<ByteBuffer>?
    /// Trailers received before an upstream connection was ready.
    @exclusivity(unchecked) var trailers: HTTPHeaders?
    /// Whether the client finished sending the request.
    @exclusivity(unchecked) var requestComplete = false
    /// Body bytes read from the client.
    @exclusivity(unchecked) var bodyBytesReceived = 0
    /// Body bytes written upstream (a retry is only safe while this is zero).
    @exclusivity(unchecked) var bodyBytesSent = 0
    /// Whether a final response head went to the client.
    @exclusivity(unchecked) var responseStarted = false
    /// The status sent to the client.
    @exclusivity(unchecked) var status = 0
    /// Whether the client connection closes after this exchange.
    @exclusivity(unchecked) var closeAfter = false
    /// Whether the client connection closes gracefully after this exchange (shut the output, discard input for
    /// a while): set for refusals, whose client may still be sending.
    @exclusivity(unchecked) var lingerOnClose = false
    /// Whether the upstream connection may be reused.
    @exclusivity(unchecked) var upstreamKeepAlive = true
    /// Whether the upstream agreed to switch protocols (101).
    @exclusivity(unchecked) var isSwitchingProtocols = false
    /// Retries on another replica used (at most one).
    @exclusivity(unchecked) var retries = 0
    /// Retries on a fresh connection after a reused one failed (at most one).
    @exclusivity(unchecked) var staleRetries = 0
    /// A copy of the request going to the canary, if mirrored.
    @exclusivity(unchecked) var mirror: MirrorExchange?
    /// Whether request bytes were written upstream since the last flush.
    @exclusivity(unchecked) var needsUpstreamFlush = false
    /// Whether response bytes were written to the client since the last flush.
    @exclusivity(unchecked) var needsClientFlush = false

    /// Creates an exchange.
    init(head: HTTPRequestHead, facts: RequestFacts, startedAt: NIODeadline, metrics: RevisionMetrics) {
        self.head = head
        self.method = head.method
        self.clientVersion = head.version
        self.facts = facts
        self.startedAt = startedAt
        self.lastProgress = startedAt
        self.metrics = metrics
        metrics.inFlight += 1
    }

    /// Whether the client is still sending a body the proxy has not read (the connection cannot be reused).
    var hasUnreadBody: Bool { !requestComplete && facts.framing.hasBody }

    /// Whether a retry could replay the request: idempotent method and no body byte sent yet.
    var isReplayable: Bool { facts.isIdempotent && bodyBytesSent == 0 }

    /// Facts for a request refused before validation succeeded: no body assumed, connection closing.
    static func rejectedFacts(_ head: HTTPRequestHead) -> RequestFacts {
        RequestFacts(
            host: nil, hostHeader: nil, path: "/", originForm: nil, framing: .none, isUpgrade: false, expectsContinue: false,
            keepAlive: false, isIdempotent: false, needsHeaderFiltering: false
        )
    }
}
