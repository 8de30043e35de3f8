import NIOCore

/// How a `ProxyServer` runs: its listeners, threads, limits, timeouts and forwarding policy.
public struct ProxyConfiguration: Sendable {
    /// The listeners bound by `start()`.
    public var listeners: [ListenerConfiguration]
    /// Event loop threads; each owns its client connections and its own upstream connection pool.
    public var threads: Int
    /// Request size limits.
    public var limits: ProxyLimits
    /// Timeouts against slow clients and slow upstreams.
    public var timeouts: ProxyTimeouts
    /// Keep `X-Forwarded-*` headers sent by clients (append to them) instead of replacing them.
    /// Enable only behind another proxy you trust.
    public var trustForwardedHeaders: Bool
    /// Idle keep-alive connections kept per upstream on each event loop.
    public var maxIdleConnectionsPerUpstream: Int
    /// How long `install` waits for new upstreams with a health check to pass before swapping the table anyway.
    public var initialHealthTimeout: Duration
    /// Largest mirrored request body kept while the mirror connection opens; larger requests are not mirrored.
    public var maxMirrorBufferBytes: Int

    /// Creates a configuration.
    public init(
        listeners: [ListenerConfiguration] = [],
        threads: Int = System.coreCount,
        limits: ProxyLimits = ProxyLimits(),
        timeouts: ProxyTimeouts = ProxyTimeouts(),
        trustForwardedHeaders: Bool = false,
        maxIdleConnectionsPerUpstream: Int = 256,
        initialHealthTimeout: Duration = .seconds(10),
        maxMirrorBufferBytes: Int = 64 * 1024
    ) {
        self.listeners = listeners
        self.threads = threads
        self.limits = limits
        self.timeouts = timeouts
        self.trustForwardedHeaders = trustForwardedHeaders
        self.maxIdleConnectionsPerUpstream = maxIdleConnectionsPerUpstream
        self.initialHealthTimeout = initialHealthTimeout
        self.maxMirrorBufferBytes = maxMirrorBufferBytes
    }
}

/// One listening socket; routes name it in `Route.listener`.
public struct ListenerConfiguration: Sendable, Hashable {
    /// The name routes and metrics use.
    public var name: String
    /// The address to bind; port 0 picks a free port (read it back with `ProxyServer.boundAddress(listener:)`).
    public var host: String
    /// The TCP port.
    public var port: Int

    /// Creates a listener configuration; binds to loopback unless told otherwise.
    public init(name: String, host: String = "127.0.0.1", port: Int) {
        self.name = name
        self.host = host
        self.port = port
    }

    /// Parses `host:port`, `:port` (loopback) or a bare port; `nil` when it is none of these.
    public init?(name: String, parsing text: String) {
        if let port = Int(text), (0...65_535).contains(port) {
            self.init(name: name, port: port)
        } else if text.hasPrefix(":"), let port = Int(text.dropFirst()), (0...65_535).contains(port) {
            self.init(name: name, port: port)
        } else if let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]), (0...65_535).contains(port) {
            var host = String(text[..<colon])
            if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
            guard !host.isEmpty else { return nil }
            self.init(name: name, host: host, port: port)
        } else {
            return nil
        }
    }
}

/// Request size limits; exceeding them is answered with 414, 431 or 413 and the connection is closed.
public struct ProxyLimits: Sendable, Hashable {
    /// Longest request target (the URI in the request line), in bytes (414 above it).
    public var maxRequestTargetBytes: Int
    /// Largest header section (names, values and separators), in bytes (431 above it).
    public var maxHeaderBytes: Int
    /// Most header fields (431 above it).
    public var maxHeaderCount: Int
    /// Largest request body, in bytes; `nil` means no limit (413 above it).
    public var maxBodyBytes: Int?

    /// Creates limits; the defaults follow common proxies (8 KiB target, 32 KiB headers, 100 fields, no body limit).
    public init(maxRequestTargetBytes: Int = 8 * 1024, maxHeaderBytes: Int = 32 * 1024, maxHeaderCount: Int = 100, maxBodyBytes: Int? = nil) {
        self.maxRequestTargetBytes = maxRequestTargetBytes
        self.maxHeaderBytes = maxHeaderBytes
        self.maxHeaderCount = maxHeaderCount
        self.maxBodyBytes = maxBodyBytes
    }
}

/// Timeouts; each one ends a stalled exchange instead of letting it hold a connection forever.
public struct ProxyTimeouts: Sendable, Hashable {
    /// How long an idle keep-alive client connection stays open.
    public var clientIdle: Duration
    /// From the first byte of a request to its complete head (slowloris): 408 and close.
    public var requestHead: Duration
    /// How long a request body may stall between reads: 408 (or close) and close.
    public var requestBody: Duration
    /// Connecting to an upstream (a failure counts as refused: 502 or a retry).
    public var upstreamConnect: Duration
    /// Waiting for the upstream's response head, or for more of its body: 504 when nothing was sent yet.
    public var upstreamResponse: Duration
    /// How long `shutdown()` lets in-flight requests finish.
    public var shutdownGrace: Duration
    /// After a refusal (400, 413, 431...), how long the proxy keeps reading and discarding what the client still
    /// sends once its answer is out and its side is shut, so the client can read the answer instead of a reset.
    public var lingeringClose: Duration

    /// Creates timeouts.
    public init(
        clientIdle: Duration = .seconds(60),
        requestHead: Duration = .seconds(10),
        requestBody: Duration = .seconds(30),
        upstreamConnect: Duration = .seconds(3),
        upstreamResponse: Duration = .seconds(60),
        shutdownGrace: Duration = .seconds(10),
        lingeringClose: Duration = .seconds(2)
    ) {
        self.clientIdle = clientIdle
        self.requestHead = requestHead
        self.requestBody = requestBody
        self.upstreamConnect = upstreamConnect
        self.upstreamResponse = upstreamResponse
        self.shutdownGrace = shutdownGrace
        self.lingeringClose = lingeringClose
    }
}

extension Duration {
    /// The duration as a NIO `TimeAmount`.
    public var timeAmount: TimeAmount { .nanoseconds(nanoseconds) }
}
