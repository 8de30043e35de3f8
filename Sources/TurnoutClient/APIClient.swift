import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import TurnoutService

/// Calls the local REST API of `turnout up`: a `RuntimeService` over HTTP.
///
/// Owns an `HTTPClient` on the shared event loops; call `shutdown()` when done, or use `APIClient.with(...)`.
public final class APIClient: RuntimeService {
    /// The API's base URL, e.g. `http://127.0.0.1:7070`, without a trailing slash.
    public let baseURL: String
    let token: String?
    let httpClient: HTTPClient
    /// How long a request other than a watch may take.
    let requestTimeout: TimeAmount

    /// The address `turnout up` listens on by default.
    public static let defaultURL = "http://127.0.0.1:7070"

    /// Creates a client; `token` is sent as `Authorization: Bearer TOKEN` when given.
    public init(baseURL: String, token: String? = nil, requestTimeout: Duration = .seconds(300)) {
        var url = baseURL
        while url.hasSuffix("/") { url.removeLast() }
        if !url.contains("://") { url = "http://" + url }
        self.baseURL = url
        self.token = token.flatMap { $0.isEmpty ? nil : $0 }
        var configuration = HTTPClient.Configuration()
        // Fail at once when nothing listens, instead of retrying until the connect timeout.
        configuration.connectionPool.retryConnectionEstablishment = false
        configuration.timeout = .init(connect: .seconds(5), read: nil)
        configuration.decompression = .disabled
        self.httpClient = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
        let (seconds, attoseconds) = requestTimeout.components
        self.requestTimeout = .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }

    /// Closes connections and ends watches; call once, after the last request.
    public func shutdown() async {
        try? await httpClient.shutdown()
    }

    /// Runs `body` with a client and shuts the client down afterwards, also when `body` throws.
    public static func with<Result>(
        baseURL: String,
        token: String? = nil,
        _ body: (APIClient) async throws -> Result
    ) async throws -> Result {
        let client = APIClient(baseURL: baseURL, token: token)
        do {
            let result = try await body(client)
            await client.shutdown()
            return result
        } catch {
            await client.shutdown()
            throw error
        }
    }

    // MARK: RuntimeService

    public func apply(_ request: ApplyRequest) async throws(RuntimeServiceError) -> ApplyResponse {
        try await send(.POST, [APIEndpoint.prefix, "apply"], body: request, action: "apply")
    }

    public func rollouts() async throws(RuntimeServiceError) -> [RolloutSummary] {
        try await send(.GET, [APIEndpoint.prefix, "rollouts"], action: "list rollouts")
    }

    public func rollout(named name: String) async throws(RuntimeServiceError) -> RolloutView {
        try await send(.GET, [APIEndpoint.prefix, "rollouts", Self.escape(name)], action: "get rollout \(name)")
    }

    public func perform(_ operation: RolloutOperationName, onRollout name: String, _ request: OperationRequest) async throws(RuntimeServiceError) -> RolloutView {
        try await send(
            .POST, [APIEndpoint.prefix, "rollouts", Self.escape(name), operation.rawValue],
            body: request, action: "\(operation.rawValue) rollout \(name)"
        )
    }

    public func delete(kind: String, name: String) async throws(RuntimeServiceError) -> DeleteResponse {
        let path = kind.lowercased() == "rollout" || kind.lowercased() == "rollouts"
            ? [APIEndpoint.prefix, "rollouts", Self.escape(name)]
            : [APIEndpoint.prefix, "objects", Self.escape(kind), Self.escape(name)]
        return try await send(.DELETE, path, action: "delete \(kind) \(name)")
    }

    public func events(ofRollout name: String, limit: Int?) async throws(RuntimeServiceError) -> [EventView] {
        let query = limit.map { "limit=\($0)" }
        return try await send(.GET, [APIEndpoint.prefix, "rollouts", Self.escape(name), "events"], query: query, action: "list events of rollout \(name)")
    }

    public func logs(ofRollout name: String, revision: Int?, lines: Int) async throws(RuntimeServiceError) -> LogsResponse {
        var query = "lines=\(lines)"
        if let revision { query += "&revision=\(revision)" }
        return try await send(.GET, [APIEndpoint.prefix, "rollouts", Self.escape(name), "logs"], query: query, action: "read logs of rollout \(name)")
    }

    public func analysisRun(named name: String) async throws(RuntimeServiceError) -> AnalysisRunView {
        try await send(.GET, [APIEndpoint.prefix, "analysisruns", Self.escape(name)], action: "get analysis run \(name)")
    }

    public func terminateAnalysisRun(named name: String) async throws(RuntimeServiceError) -> AnalysisRunView {
        try await send(.POST, [APIEndpoint.prefix, "analysisruns", Self.escape(name), "terminate"], action: "terminate analysis run \(name)")
    }

    public func listeners() async throws(RuntimeServiceError) -> [ListenerView] {
        try await send(.GET, [APIEndpoint.prefix, "listeners"], action: "list listeners")
    }

    /// `GET /healthz`: whether the API answers.
    public func isHealthy() async -> Bool {
        do {
            let response = try await httpClient.execute(makeRequest(.GET, url(["healthz"], query: nil)), timeout: .seconds(5))
            _ = try await response.body.collect(upTo: 1024)
            return response.status == .ok
        } catch {
            return false
        }
    }

    // MARK: Plumbing

    func url(_ components: [String], query: String?) -> String {
        var url = baseURL + "/" + components.map { $0.hasPrefix("/") ? String($0.dropFirst()) : $0 }.joined(separator: "/")
        if let query { url += "?" + query }
        return url
    }

    func makeRequest(_ method: HTTPMethod, _ url: String) -> HTTPClientRequest {
        var request = HTTPClientRequest(url: url)
        request.method = method
        if let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
        return request
    }

    private func send<Response: Decodable>(
        _ method: HTTPMethod,
        _ components: [String],
        query: String? = nil,
        action: String
    ) async throws(RuntimeServiceError) -> Response {
        try await send(method, components, query: query, bodyData: nil, action: action)
    }

    private func send<Response: Decodable>(
        _ method: HTTPMethod,
        _ components: [String],
        query: String? = nil,
        body: some Encodable,
        action: String
    ) async throws(RuntimeServiceError) -> Response {
        let data: Data
        do {
            data = try JSONEncoder().encode(body)
        } catch {
            throw .invalidRequest("\(action): encode the request: \(error)")
        }
        return try await send(method, components, query: query, bodyData: data, action: action)
    }

    private func send<Response: Decodable>(
        _ method: HTTPMethod,
        _ components: [String],
        query: String?,
        bodyData: Data?,
        action: String
    ) async throws(RuntimeServiceError) -> Response {
        var request = makeRequest(method, url(components, query: query))
        request.headers.add(name: "Accept", value: "application/json")
        if let bodyData {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(bytes: bodyData))
        }
        let status: Int
        let buffer: ByteBuffer
        do {
            let response = try await httpClient.execute(request, timeout: requestTimeout)
            status = Int(response.status.code)
            buffer = try await response.body.collect(upTo: 64 * 1024 * 1024)
        } catch {
            throw transportError(error, action: action)
        }
        let data = Data(buffer.readableBytesView)
        guard (200..<300).contains(status) else {
            throw Self.serviceError(status: status, body: data, action: action)
        }
        do {
            return try JSONDecoder().decode(Response.self, from: data)
        } catch {
            throw .failed("\(action): the answer from \(baseURL) is not what this turnout expects (\(error)); are the CLI and the daemon the same version?")
        }
    }

    /// The error an answer other than 2xx stands for.
    static func serviceError(status: Int, body: Data, action: String) -> RuntimeServiceError {
        if let response = try? JSONDecoder().decode(ErrorResponse.self, from: body) {
            return RuntimeServiceError(status: status, response: response)
        }
        let text = String(decoding: body.prefix(200), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return RuntimeServiceError(status: status, response: ErrorResponse(error: "\(action): HTTP \(status)\(text.isEmpty ? "" : ": \(text)")"))
    }

    /// A transport failure as a sentence; connection refused says how to start the runtime.
    func transportError(_ error: any Error, action: String) -> RuntimeServiceError {
        let text = "\(error)"
        if Self.isConnectionRefused(text) {
            return .failed("cannot reach the Turnout runtime at \(baseURL): connection refused; start it with `turnout up`")
        }
        if let clientError = error as? HTTPClientError, clientError == .deadlineExceeded || clientError == .readTimeout {
            return .failed("\(action): \(baseURL) did not answer in time")
        }
        return .failed("\(action): cannot reach the Turnout runtime at \(baseURL): \(text)")
    }

    static func isConnectionRefused(_ description: String) -> Bool {
        let lowered = description.lowercased()
        return lowered.contains("connection refused") || lowered.contains("connectionrefused") || lowered.contains("errno: 111")
    }

    /// A path component with everything but unreserved characters percent-encoded.
    static func escape(_ component: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return component.addingPercentEncoding(withAllowedCharacters: allowed) ?? component
    }
}
