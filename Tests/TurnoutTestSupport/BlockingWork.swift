import Dispatch

/// Runs `body`, which blocks (waits for a process, reads a pipe), on a Dispatch thread and awaits its result,
/// so Swift's few cooperative threads stay free for the tests running beside it.
public func blockingWork<Value: Sendable>(_ body: @escaping @Sendable () throws -> Value) async throws -> Value {
    try await withCheckedThrowingContinuation { continuation in
        DispatchQueue.global().async {
            continuation.resume(with: Result { try body() })
        }
    }
}

/// `blockingWork` for a body that cannot throw.
public func blockingWork<Value: Sendable>(_ body: @escaping @Sendable () -> Value) async -> Value {
    await withCheckedContinuation { continuation in
        DispatchQueue.global().async { continuation.resume(returning: body()) }
    }
}
