import Foundation
import TurnoutService

extension LocalRuntime {
    /// The rollout's view now and after every change, until it is deleted, the runtime stops or the consumer stops.
    public func watch(rolloutNamed name: String) async throws(RuntimeServiceError) -> AsyncStream<RolloutView> {
        let first = try await serving("watch rollout \(name)") { try await view(ofRollout: name) }
        let (pings, ping) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        nextWatcherID += 1
        let id = nextWatcherID
        watchers[id] = (name, ping)
        let (views, continuation) = AsyncStream.makeStream(of: RolloutView.self, bufferingPolicy: .bufferingNewest(16))
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let task = Task { [weak self] in
            var last = try? encoder.encode(first)
            continuation.yield(first)
            for await _ in pings {
                guard let self, let view = try? await self.view(ofRollout: name) else { break }
                let encoded = try? encoder.encode(view)
                if encoded != last {
                    last = encoded
                    continuation.yield(view)
                }
            }
            continuation.finish()
        }
        continuation.onTermination = { [weak self] _ in
            task.cancel()
            Task { await self?.stopWatching(id) }
        }
        return views
    }

    /// Tells the watchers of a rollout to look again.
    func notifyWatchers(of rollout: String) {
        for watcher in watchers.values where watcher.rollout == rollout {
            watcher.ping.yield()
        }
    }

    private func stopWatching(_ id: UInt64) {
        watchers[id]?.ping.finish()
        watchers[id] = nil
    }
}
