import Foundation
import Testing

@testable import KubernetesClient
import KubernetesTestSupport

/// Watches on a real kube-apiserver: events in order, bookmarks, expiry, cancellation.
@Suite(.enabled(if: KubeTestEnvironment.isAvailable, KubeTestEnvironment.skipMessage))
struct WatchIntegrationTests {
    @Test func streamsAddedModifiedDeletedFromAResourceVersion() async throws {
        try await KubeTestEnvironment.withNamespace("watch") { client, namespace in
            let _: ConfigMap = try await client.create(
                .configMaps, namespace: namespace, KubeTestEnvironment.configMap("before"))
            let listed = try await client.listAll(.configMaps, namespace: namespace, as: ConfigMap.self)
            let stream = client.watch(
                .configMaps, namespace: namespace,
                options: WatchOptions(resourceVersion: listed.resourceVersion, timeoutSeconds: 30), as: ConfigMap.self)
            var iterator = stream.makeAsyncIterator()
            let _: ConfigMap = try await client.create(
                .configMaps, namespace: namespace, KubeTestEnvironment.configMap("web", data: ["v": "1"]))
            let _: ConfigMap = try await client.patch(
                .configMaps, namespace: namespace, name: "web", .merge(["data": ["v": "2"]]))
            try await client.delete(.configMaps, namespace: namespace, name: "web")
            var seen: [String] = []
            while seen.count < 3, let event = try await iterator.next() {
                switch event {
                case .added(let map): seen.append("added \(map.metadata.name ?? "") \(map.data?["v"] ?? "")")
                case .modified(let map): seen.append("modified \(map.metadata.name ?? "") \(map.data?["v"] ?? "")")
                case .deleted(let map): seen.append("deleted \(map.metadata.name ?? "")")
                case .bookmark: continue
                }
            }
            #expect(seen == ["added web 1", "modified web 2", "deleted web"])
        }
    }

    @Test func deliversBookmarksAndEndsWhenTheServerTimesOut() async throws {
        try await KubeTestEnvironment.withNamespace("bookmark") { client, namespace in
            let listed = try await client.listAll(.configMaps, namespace: namespace, as: ConfigMap.self)
            let stream = client.watch(
                .configMaps, namespace: namespace,
                options: WatchOptions(resourceVersion: listed.resourceVersion, allowWatchBookmarks: true, timeoutSeconds: 5),
                as: ConfigMap.self)
            var bookmarks: [String] = []
            for try await event in stream {
                if case .bookmark(let resourceVersion) = event { bookmarks.append(resourceVersion) }
            }
            #expect(!bookmarks.isEmpty)
            #expect(bookmarks.allSatisfy { !$0.isEmpty })
        }
    }

    @Test func cancellingTheConsumerEndsTheWatch() async throws {
        try await KubeTestEnvironment.withNamespace("cancel") { client, namespace in
            let stream = client.watch(
                .configMaps, namespace: namespace, options: WatchOptions(timeoutSeconds: 300), as: ConfigMap.self)
            let started = ContinuousClock.now
            let consumer = Task {
                var count = 0
                for try await _ in stream { count += 1 }
                return count
            }
            let _: ConfigMap = try await client.create(.configMaps, namespace: namespace, KubeTestEnvironment.configMap("a"))
            consumer.cancel()
            _ = try? await consumer.value
            #expect(ContinuousClock.now - started < .seconds(60))
        }
    }
}
