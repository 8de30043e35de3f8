import Dispatch

/// Runs blocking system calls (sockets, file reads) on Dispatch's threads, so they never hold up the threads
/// Swift concurrency's tasks share.
enum BlockingCall {
    /// The result of `body`, run on a global Dispatch queue.
    static func run<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: body()) }
        }
    }
}
