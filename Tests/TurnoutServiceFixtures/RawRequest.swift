import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// Sends one request with a throwaway HTTP client, for checks the typed client cannot express.
package func rawRequest(_ method: String, _ url: String, body: String? = nil, headers: [String: String] = [:]) async throws -> (Int, Data) {
    let client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup)
    do {
        var request = HTTPClientRequest(url: url)
        request.method = HTTPMethod(rawValue: method)
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if let body { request.body = .bytes(ByteBuffer(string: body)) }
        let response = try await client.execute(request, timeout: .seconds(10))
        let buffer = try await response.body.collect(upTo: 16 * 1024 * 1024)
        try await client.shutdown()
        return (Int(response.status.code), Data(buffer.readableBytesView))
    } catch {
        try? await client.shutdown()
        throw error
    }
}
