import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

extension HTTPClient {
    /// Largest body a provider reads (4 MiB); a bigger answer is an error, not an unbounded read.
    static let providerBodyLimit = 4 * 1024 * 1024

    /// Sends a provider's request and reads the whole answer within its timeout. Never throws: failures
    /// come back as `ProviderError`s that name the URL.
    func send(_ request: ProviderRequest) async -> Result<ProviderResponse, ProviderError> {
        guard request.hasValidURL else { return .failure(.invalidURL(request.url)) }
        var outgoing = HTTPClientRequest(url: request.url)
        outgoing.method = request.method
        for (name, value) in request.headers { outgoing.headers.add(name: name, value: value) }
        if let body = request.body { outgoing.body = .bytes(ByteBuffer(bytes: body)) }
        if request.isInsecure {
            outgoing.tlsConfiguration = .makeClientConfiguration()
            outgoing.tlsConfiguration?.certificateVerification = .none
        }
        let timeout = TimeAmount.nanoseconds(Int64(max(0.001, request.timeoutSeconds) * 1_000_000_000))
        do {
            let response = try await execute(outgoing, timeout: timeout)
            var buffer = try await response.body.collect(upTo: Self.providerBodyLimit)
            let bytes = buffer.readBytes(length: buffer.readableBytes) ?? []
            return .success(ProviderResponse(status: Int(response.status.code), body: bytes))
        } catch let error as HTTPClientError where error == .deadlineExceeded || error == .readTimeout || error == .connectTimeout {
            return .failure(.timedOut(url: request.url, seconds: request.timeoutSeconds))
        } catch let error as NIOTooManyBytesError {
            return .failure(.badResponse(url: request.url, reason: "the body is larger than \(Self.providerBodyLimit / 1024 / 1024) MiB (\(error))"))
        } catch {
            return .failure(.requestFailed(url: request.url, reason: "\(error)"))
        }
    }
}
