import Foundation
import Hummingbird
import ServiceLifecycle
import TurnoutService

extension APIServer {
    /// The SSE event name of a rollout update.
    static let rolloutEventName = "rollout"

    /// `text/event-stream` of the rollout's views; keep-alive comments between; ends with the watch or on shutdown.
    func watch(rolloutNamed name: String) async throws(RuntimeServiceError) -> Response {
        let updates = try await service.watch(rolloutNamed: name)
        let keepAlive = configuration.keepAliveInterval
        var headers = HTTPFields()
        headers[.contentType] = "text/event-stream"
        headers[.cacheControl] = "no-store"
        let body = ResponseBody { writer in
            let (frames, continuation) = AsyncStream.makeStream(of: String.self)
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    let encoder = APIResponse.makeEncoder()
                    for await view in updates {
                        let data = try encoder.encode(view)
                        continuation.yield(ServerSentEvent(event: Self.rolloutEventName, data: String(decoding: data, as: UTF8.self)).encoded)
                    }
                    continuation.finish()
                }
                group.addTask {
                    while true {
                        try await Task.sleep(for: keepAlive)
                        continuation.yield(ServerSentEvent.comment("keep-alive"))
                    }
                }
                // A comment first, so clients see the stream open before the first change.
                try await writer.write(ByteBuffer(string: ServerSentEvent.comment("watching rollout \(name)")))
                for await frame in frames.cancelOnGracefulShutdown() {
                    try await writer.write(ByteBuffer(string: frame))
                }
                continuation.finish()
                group.cancelAll()
            }
            try await writer.finish(nil)
        }
        return Response(status: .ok, headers: headers, body: body)
    }
}
