import KubernetesClient
import TurnoutCore
import TurnoutService

extension ClusterRuntime {
    /// The rollout's view now and after every change to it, its ReplicaSets, pods or AnalysisRuns (watched with
    /// the watch API, not polled), until it is deleted or the consumer stops.
    public func watch(rolloutNamed name: String) async throws(RuntimeServiceError) -> AsyncStream<RolloutView> {
        let first = try await rollout(named: name)
        let (views, output) = AsyncStream.makeStream(of: RolloutView.self, bufferingPolicy: .bufferingNewest(1))
        output.yield(first)
        let (pings, ping) = AsyncStream.makeStream(of: Bool.self, bufferingPolicy: .bufferingNewest(1))
        let runtime = self
        let hashLabel = ClusterMetadata.podTemplateHash
        let watchers = [
            Self.pinging(ping) { runtime.client.watch(runtime.resources.rollouts, namespace: runtime.namespace, options: WatchOptions(fieldSelector: "metadata.name=\(name)", timeoutSeconds: 300), as: KubernetesJSON.self) },
            Self.pinging(ping) { runtime.client.watch(.replicaSets, namespace: runtime.namespace, options: WatchOptions(labelSelector: hashLabel, timeoutSeconds: 300), as: KubernetesJSON.self) },
            Self.pinging(ping) { runtime.client.watch(.pods, namespace: runtime.namespace, options: WatchOptions(labelSelector: hashLabel, timeoutSeconds: 300), as: KubernetesJSON.self) },
            Self.pinging(ping) { runtime.client.watch(runtime.resources.analysisRuns, namespace: runtime.namespace, options: WatchOptions(timeoutSeconds: 300), as: KubernetesJSON.self) },
        ]
        let refresher = Task {
            for await _ in pings {
                do {
                    output.yield(try await runtime.view(ofRollout: name))
                } catch {
                    break
                }
            }
            output.finish()
        }
        output.onTermination = { _ in
            refresher.cancel()
            ping.finish()
            for watcher in watchers { watcher.cancel() }
        }
        return views
    }

    /// Pings on every event of a watch, opening it again when the server ends it, until cancelled.
    private static func pinging(_ ping: AsyncStream<Bool>.Continuation, _ open: @escaping @Sendable () -> AsyncThrowingStream<WatchEvent<KubernetesJSON>, any Error>) -> Task<Void, Never> {
        Task {
            while !Task.isCancelled {
                do {
                    for try await event in open() {
                        if case .bookmark = event { continue }
                        ping.yield(true)
                    }
                } catch {
                    try? await Task.sleep(for: .seconds(1))
                }
            }
        }
    }
}
