import AsyncHTTPClient
import Foundation
import NIOCore
import TurnoutService

extension APIClient {
    /// Follows `GET /api/v1/rollouts/{name}/watch`; the stream ends when the server ends it or the connection drops.
    public func watch(rolloutNamed name: String) async throws(RuntimeServiceError) -> AsyncStream<RolloutView> {
        let action = "watch rollout \(name)"
        var request = makeRequest(.GET, url([APIEndpoint.prefix, "rollouts", Self.escape(name), "watch"], query: nil))
        request.headers.add(name: "Accept", value: "text/event-stream")
        let response: HTTPClientResponse
        do {
            response = try await httpClient.execute(request, deadline: .distantFuture)
        } catch {
            throw transportError(error, action: action)
        }
        guard response.status == .ok else {
            let body = (try? await response.body.collect(upTo: 1024 * 1024)).map { Data($0.readableBytesView) } ?? Data()
            throw Self.serviceError(status: Int(response.status.code), body: body, action: action)
        }
        let (stream, continuation) = AsyncStream.makeStream(of: RolloutView.self, bufferingPolicy: .unbounded)
        let body = response.body
        let reader = Task {
            var parser = ServerSentEventParser()
            let decoder = JSONDecoder()
            do {
                for try await chunk in body {
                    for event in parser.consume(chunk.readableBytesView) where event.event == "rollout" {
                        guard let view = try? decoder.decode(RolloutView.self, from: Data(event.data.utf8)) else { continue }
                        continuation.yield(view)
                    }
                }
            } catch {
                // The connection dropped or the consumer stopped: the stream simply ends.
            }
            continuation.finish()
        }
        continuation.onTermination = { _ in reader.cancel() }
        return stream
    }
}
