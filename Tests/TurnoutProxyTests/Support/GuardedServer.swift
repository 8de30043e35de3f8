import Hummingbird
import Synchronization
import Testing

/// Runs a Hummingbird application on 127.0.0.1 for the length of a test and stops it afterwards.
enum GuardedServer {
    /// Starts the application `make` builds (it reports its bound port to the closure it is given), runs `body`
    /// with the port, then cancels the application and waits for it to stop.
    static func with<Application: ApplicationProtocol>(
        _ make: (@escaping @Sendable (Int) async -> Void) -> Application,
        _ body: (Int) async throws -> Void
    ) async throws {
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let application = make { port in
            continuation.yield(port)
            continuation.finish()
        }
        let task = Task {
            defer { continuation.finish() }
            try await application.run()
        }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else {
            try await task.value
            Issue.record("the application stopped before it listened")
            return
        }
        do {
            try await body(port)
        } catch {
            task.cancel()
            _ = try? await task.value
            throw error
        }
        task.cancel()
        _ = try? await task.value
    }
}

/// How often a route ran, for checking that refused requests never reach the application.
final class RequestCounter: Sendable {
    private let count = Mutex(0)

    /// Counts one request.
    func add() { count.withLock { $0 += 1 } }

    /// Requests counted so far.
    var value: Int { count.withLock { $0 } }
}
