import Foundation
import Logging
import NIOCore
import NIOHTTP1
import NIOPosix
import Synchronization

/// Where the admin endpoint listens and the token it asks for.
public struct AdminConfiguration: Sendable, Hashable {
    /// The address to bind (loopback by default).
    public var host: String
    /// The port (0 picks a free one).
    public var port: Int
    /// The bearer token; required when `host` is not a loopback address.
    public var token: String?

    /// Creates a configuration.
    public init(host: String = "127.0.0.1", port: Int, token: String? = nil) {
        self.host = host
        self.port = port
        self.token = token
    }
}

/// Errors of the admin endpoint; each message names the action and the object.
public enum AdminError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The admin endpoint would listen beyond loopback without a token.
    case tokenRequired(host: String)
    /// Binding failed.
    case bindFailed(address: String, reason: String)

    /// A one-line message.
    public var description: String {
        switch self {
        case .tokenRequired(let host):
            return "start admin endpoint on \(host): a non-loopback address needs a bearer token (--admin-token or TURNOUT_ADMIN_TOKEN)"
        case .bindFailed(let address, let reason):
            return "bind admin endpoint on \(address): \(reason)"
        }
    }
}

/// The proxy's admin HTTP endpoint: `GET/PUT /routes`, `PUT /routes/NAME/weight`, `GET /metrics`, `GET /healthz`.
///
/// Runs on the proxy's event loops; bound to loopback unless told otherwise, and then only with a token.
public final class AdminServer: Sendable {
    private let proxy: ProxyServer
    private let configuration: AdminConfiguration
    private let logger: Logger
    private let channel: ChannelReference

    /// Creates the endpoint for `proxy`.
    public init(proxy: ProxyServer, configuration: AdminConfiguration, logger: Logger = Logger(label: "turnout.proxy.admin")) {
        self.proxy = proxy
        self.configuration = configuration
        self.logger = logger
        self.channel = ChannelReference()
    }

    /// Binds the endpoint and returns its address.
    @discardableResult
    public func start() async throws -> SocketAddress {
        if configuration.token == nil && !AdminAuthorization.isLoopback(configuration.host) {
            throw AdminError.tokenRequired(host: configuration.host)
        }
        let api = AdminAPI(proxy: proxy, token: configuration.token, logger: logger)
        let bound: any Channel
        do {
            bound = try await ServerBootstrap(group: proxy.group)
                .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
                .childChannelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.configureHTTPServerPipeline(withErrorHandling: true)
                        try channel.pipeline.syncOperations.addHandler(NIOHTTPServerRequestAggregator(maxContentLength: 4 * 1024 * 1024))
                        try channel.pipeline.syncOperations.addHandler(AdminHandler(api: api))
                    }
                }
                .bind(host: configuration.host, port: configuration.port).get()
        } catch {
            throw AdminError.bindFailed(address: "\(configuration.host):\(configuration.port)", reason: "\(error)")
        }
        channel.set(bound)
        let address = bound.localAddress!
        logger.info("admin endpoint listening", metadata: ["admin.address": "\(address)", "admin.token": "\(configuration.token == nil ? "none" : "required")"])
        return address
    }

    /// The bound address, once started.
    public var address: SocketAddress? { channel.get()?.localAddress }

    /// Closes the endpoint.
    public func shutdown() async {
        try? await channel.get()?.close()
    }
}

/// A channel reference set once, read from any thread.
final class ChannelReference: Sendable {
    private let box = Mutex<(any Channel)?>(nil)

    func set(_ channel: any Channel) { box.withLock { $0 = channel } }
    func get() -> (any Channel)? { box.withLock { $0 } }
}
