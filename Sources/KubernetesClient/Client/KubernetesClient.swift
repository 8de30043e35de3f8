import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import NIOSSL

/// A typed client for one Kubernetes API server, over one `HTTPClient` (call `shutdown()` when done).
///
/// Objects are addressed by a `ResourceType`, a namespace and a name, and decoded as any `Decodable`
/// model (or `KubernetesJSON`). Every failure is a `KubernetesError` naming the action and the object.
public struct KubernetesClient: Sendable {
    /// The configuration the client was made with.
    public let configuration: ClientConfiguration
    let http: HTTPClient
    let credentials: CredentialProvider
    let baseURL: String
    let baseTLS: TLSConfiguration
    /// Host names the client connects to elsewhere: the `tls-server-name` mapped to the server's real host.
    let dnsOverride: [String: String]
    let logger: Logger
    let observer: RequestObserver?

    /// Told of every request sent: its verb (`get`, `list`, `watch`, …) and the status code of the answer
    /// (`nil` when none came). For metrics; it must be quick.
    public typealias RequestObserver = @Sendable (_ verb: String, _ code: Int?) -> Void

    /// Creates a client for the configured server; credentials come from `credentials` (by default the
    /// configuration's own, with exec plugins run as processes).
    public init(
        configuration: ClientConfiguration, credentials: CredentialProvider? = nil,
        eventLoopGroup: any EventLoopGroup = HTTPClient.defaultEventLoopGroup,
        logger: Logger = Logger(label: "kubernetes.client"), observer: RequestObserver? = nil
    ) throws {
        self.configuration = configuration
        self.observer = observer
        self.credentials = credentials ?? CredentialProvider(configuration: configuration)
        self.logger = logger
        baseTLS = try configuration.tls.makeTLSConfiguration()
        var components = URLComponents(url: configuration.server, resolvingAgainstBaseURL: false)
        var override: [String: String] = [:]
        if let serverName = configuration.tls.serverName, let host = components?.host, serverName != host {
            override[serverName] = host
            components?.host = serverName
        }
        components?.query = nil
        components?.fragment = nil
        var base = components?.string ?? configuration.server.absoluteString
        while base.hasSuffix("/") { base.removeLast() }
        baseURL = base
        dnsOverride = override
        var httpConfiguration = HTTPClient.Configuration(
            tlsConfiguration: baseTLS, timeout: HTTPClient.Configuration.Timeout(connect: .seconds(10)))
        httpConfiguration.dnsOverride = override
        http = HTTPClient(eventLoopGroup: eventLoopGroup, configuration: httpConfiguration, backgroundActivityLogger: logger)
    }

    /// Closes every connection; the client must not be used afterwards.
    public func shutdown() async throws {
        try await http.shutdown()
    }

    /// The default namespace of the configuration (the context's, or the pod's).
    public var defaultNamespace: String { configuration.namespace }

    /// One HTTP request to the API server, before credentials are attached.
    struct Request: Sendable {
        var method: HTTPMethod
        var path: String
        var query: [(String, String)] = []
        var body: [UInt8]? = nil
        var contentType: String? = nil
        var accept: String = "application/json"
        var action: KubernetesAction
        /// Whether the response streams without an overall deadline (watch, log follow).
        var isStreaming: Bool = false
        var streamingDeadline: Duration? = nil
    }

    /// Sends a request and returns the whole body of a 2xx response; throws `KubernetesError` otherwise.
    func send(_ request: Request) async throws -> [UInt8] {
        let response = try await open(request)
        do {
            let body = try await response.body.collect(upTo: 64 * 1024 * 1024)
            return Array(buffer: body)
        } catch {
            throw mapTransport(error, action: request.action)
        }
    }

    /// Sends a request and decodes the JSON answer.
    func send<T: Decodable>(_ request: Request, as type: T.Type) async throws -> T {
        let body = try await send(request)
        return try decode(T.self, from: body, action: request.action)
    }

    /// Sends a request and returns the response once its head says 2xx (the body still to be read);
    /// retries once with fresh credentials after a 401 when the credentials can refresh.
    func open(_ request: Request) async throws -> HTTPClientResponse {
        var refreshed = false
        while true {
            let response = try await execute(request)
            let code = Int(response.status.code)
            if (200..<300).contains(code) { return response }
            let body = (try? await response.body.collect(upTo: 1024 * 1024)).map { Array(buffer: $0) } ?? []
            if code == 401, !refreshed, await credentials.canRefresh {
                await credentials.invalidate()
                refreshed = true
                continue
            }
            throw KubernetesError.refusal(
                action: request.action, code: code, retryAfterHeader: response.headers.first(name: "Retry-After"),
                body: body)
        }
    }

    private func execute(_ request: Request) async throws -> HTTPClientResponse {
        let credential: Credential
        do {
            credential = try await credentials.credential()
        } catch {
            throw KubernetesError.credentials(request.action, message: "\(error)")
        }
        var outgoing = HTTPClientRequest(url: baseURL + request.path + Self.queryString(request.query))
        outgoing.method = request.method
        outgoing.headers.add(name: "Accept", value: request.accept)
        outgoing.headers.add(name: "User-Agent", value: configuration.userAgent)
        if let authorization = credential.authorization {
            outgoing.headers.add(name: "Authorization", value: authorization)
        }
        if let certificate = credential.clientCertificate {
            do {
                outgoing.tlsConfiguration = try configuration.tls.makeTLSConfiguration(clientCertificate: certificate)
            } catch {
                throw KubernetesError.credentials(request.action, message: "\(error)")
            }
        }
        if let body = request.body {
            outgoing.headers.add(name: "Content-Type", value: request.contentType ?? "application/json")
            outgoing.body = .bytes(ByteBuffer(bytes: body))
        }
        let deadline: NIODeadline
        if request.isStreaming {
            deadline = request.streamingDeadline.map { .now() + .nanoseconds(Int64($0.nanoseconds)) } ?? .distantFuture
        } else {
            deadline = .now() + .nanoseconds(Int64(configuration.requestTimeout.nanoseconds))
        }
        logger.trace(
            "kubernetes request",
            metadata: ["kubernetes.verb": "\(request.action.verb)", "kubernetes.path": "\(request.path)"])
        do {
            let response = try await http.execute(outgoing, deadline: deadline, logger: logger)
            observer?(request.action.verb, Int(response.status.code))
            return response
        } catch {
            observer?(request.action.verb, nil)
            throw mapTransport(error, action: request.action)
        }
    }

    /// A failure before an answer, as a `KubernetesError.transport` (or the task's cancellation).
    func mapTransport(_ error: any Error, action: KubernetesAction) -> any Error {
        if error is KubernetesError || error is CancellationError { return error }
        if Task.isCancelled { return CancellationError() }
        if let error = error as? HTTPClientError, error == .deadlineExceeded {
            return KubernetesError.transport(action, message: "no complete answer within the request timeout")
        }
        return KubernetesError.transport(action, message: String(describing: error))
    }

    /// Decodes a JSON body, naming the action when it does not fit.
    func decode<T: Decodable>(_ type: T.Type, from body: [UInt8], action: KubernetesAction) throws -> T {
        do {
            return try JSONDecoder().decode(T.self, from: Data(body))
        } catch let error as DecodingError {
            throw KubernetesError.undecodableResponse(action, message: Kubeconfig.describe(error))
        } catch {
            throw KubernetesError.undecodableResponse(action, message: "\(error)")
        }
    }

    /// Encodes a request body, naming the action when it cannot be encoded. Slashes stay unescaped: `\/` is
    /// valid JSON but not YAML, and server-side apply bodies are read as YAML.
    func encode(_ value: some Encodable, action: KubernetesAction) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .withoutEscapingSlashes
        do {
            return Array(try encoder.encode(value))
        } catch {
            throw KubernetesError.undecodableResponse(action, message: "encode request body: \(error)")
        }
    }

    /// `?a=b&c=d` with names and values percent-encoded, or empty.
    static func queryString(_ query: [(String, String)]) -> String {
        guard !query.isEmpty else { return "" }
        return "?" + query.map { "\(percentEncoded($0.0))=\(percentEncoded($0.1))" }.joined(separator: "&")
    }

    /// Percent-encodes everything but RFC 3986's unreserved characters.
    static func percentEncoded(_ text: String) -> String {
        var allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}

extension Duration {
    /// The duration in whole nanoseconds.
    var nanoseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }
}
