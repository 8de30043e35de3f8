import ServiceLifecycle

/// An API server started with `APIServer.start()`: its bound address, and a way to stop it.
public final class RunningAPIServer: Sendable {
    /// Where it listens (the real port when 0 was asked for).
    public let address: APIServerAddress
    private let group: ServiceGroup
    private let task: Task<Void, any Error>

    init(address: APIServerAddress, group: ServiceGroup, task: Task<Void, any Error>) {
        self.address = address
        self.group = group
        self.task = task
    }

    /// The base URL clients use.
    public var url: String { address.url }

    /// Stops accepting connections, ends watch streams, lets in-flight requests finish, and waits until stopped.
    public func shutdown() async {
        await group.triggerGracefulShutdown()
        _ = await task.result
    }

    /// Waits until the server stops by itself (it does not, unless shut down) and rethrows a failure.
    public func wait() async throws {
        try await task.value
    }
}
