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
            // From the version read first, so a change (or the deletion) between that read and the watch is seen.
            Self.pinging(ping) { isFirst in
                runtime.client.watch(
                    runtime.resources.rollouts, namespace: runtime.namespace,
                    options: WatchOptions(fieldSelector: "metadata.name=\(name)", resourceVersion: isFirst ? first.rollout.metadata.resourceVersion : nil, timeoutSeconds: 300),
                    as: KubernetesJSON.self)
            },
            Self.pinging(ping) { _ in runtime.client.watch(.replicaSets, namespace: runtime.namespace, options: WatchOptions(labelSelector: hashLabel, timeoutSeconds: 300), as: KubernetesJSON.self) },
            Self.pinging(ping) { _ in runtime.client.watch(.pods, namespace: runtime.namespace, options: WatchOptions(labelSelector: hashLabel, timeoutSeconds: 300), as: KubernetesJSON.self) },
            Self.pinging(ping) { _ in runtime.client.watch(runtime.resources.analysisRuns, namespace: runtime.namespace, options: WatchOptions(timeoutSeconds: 300), as: KubernetesJSON.self) },
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

    /// Pings on every event of a watch, opening it again when the server ends it (and pinging then, since events
    /// between two watches are not delivered), until cancelled. `open` is told whether it opens the first watch.
    private static func pinging(_ ping: AsyncStream<Bool>.Continuation, _ open: @escaping @Sendable (_ isFirst: Bool) -> AsyncThrowingStream<WatchEvent<KubernetesJSON>, any Error>) -> Task<Void, Never> {
        Task {
            var isFirst = true
            while !Task.isCancelled {
                if !isFirst { ping.yield(true) }
                do {
                    let events = open(isFirst)
                    isFirst = false
                    for try await event in events {
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
