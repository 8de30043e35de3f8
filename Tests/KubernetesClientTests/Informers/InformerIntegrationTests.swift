import Foundation
import KubernetesTestSupport
import Logging
import Testing

@testable import KubernetesClient

/// Informers on a real kube-apiserver: changes in order, selectors, write-back, relist after 410, reconnects.
@Suite(.enabled(if: KubeTestEnvironment.isAvailable, KubeTestEnvironment.skipMessage))
struct InformerIntegrationTests {
    /// Collects an informer's changes as text.
    actor Recorder {
        var lines: [String] = []
        func append(_ line: String) { lines.append(line) }
    }

    static func record(_ changes: AsyncStream<InformerChange<ConfigMap>>, into recorder: Recorder) -> Task<Void, Never> {
        Task {
            for await change in changes {
                switch change {
                case .added(let map): await recorder.append("added \(map.metadata.name ?? "") \(map.data?["v"] ?? "")")
                case .modified(_, let map): await recorder.append("modified \(map.metadata.name ?? "") \(map.data?["v"] ?? "")")
                case .deleted(let map): await recorder.append("deleted \(map.metadata.name ?? "")")
                case .synced: await recorder.append("synced")
                }
            }
        }
    }

    @Test func deliversChangesInOrderToEverySubscriberAndFiltersByLabel() async throws {
        try await KubeTestEnvironment.withNamespace("informer") { client, namespace in
            let informer = Informer<ConfigMap>(client: client, resource: .configMaps, namespace: namespace, labelSelector: "team=shop", logger: Logger(label: "test"))
            let (first, second) = (Recorder(), Recorder())
            let recorders = [Self.record(await informer.changes(), into: first), Self.record(await informer.changes(), into: second)]
            let running = Task { await informer.run() }
            await informer.waitUntilSynced()
            let _: ConfigMap = try await client.create(.configMaps, namespace: namespace, KubeTestEnvironment.configMap("web", labels: ["team": "shop"], data: ["v": "1"]))
            let _: ConfigMap = try await client.create(.configMaps, namespace: namespace, KubeTestEnvironment.configMap("other", labels: ["team": "else"]))
            let _: ConfigMap = try await client.patch(.configMaps, namespace: namespace, name: "web", .merge(["data": ["v": "2"]]))
            try await client.delete(.configMaps, namespace: namespace, name: "web")
            let expected = ["synced", "added web 1", "modified web 2", "deleted web"]
            try await KubeTestEnvironment.eventually("both subscribers see every change") {
                let (one, two) = (await first.lines, await second.lines)
                return one == expected && two == expected
            }
            running.cancel()
            await running.value
            for recorder in recorders { await recorder.value }
        }
    }

    @Test func aWriteBackIsReadAtOnceAndTheOlderWatchEventDoesNotRollItBack() async throws {
        try await KubeTestEnvironment.withNamespace("writeback") { client, namespace in
            let informer = Informer<ConfigMap>(client: client, resource: .configMaps, namespace: namespace, logger: Logger(label: "test"))
            let running = Task { await informer.run() }
            await informer.waitUntilSynced()
            let created: ConfigMap = try await client.create(.configMaps, namespace: namespace, KubeTestEnvironment.configMap("web", data: ["v": "1"]))
            let updated: ConfigMap = try await client.patch(.configMaps, namespace: namespace, name: "web", .merge(["data": ["v": "2"]]))
            await informer.remember(updated)
            #expect(await informer.object(created.informerKey)?.data?["v"] == "2")
            // The watch delivers v1 and then v2 after the write-back; the cache never goes back to v1.
            await informer.remember(created)
            #expect(await informer.object(created.informerKey)?.data?["v"] == "2")
            try await KubeTestEnvironment.eventually("the watch catches up") {
                await informer.resumeVersion == updated.resourceVersion
            }
            #expect(await informer.object(created.informerKey)?.data?["v"] == "2")
            running.cancel()
            await running.value
        }
    }

    @Test func relistsAfterGoneAndDeliversWhatWasDeletedMeanwhile() async throws {
        try await KubeTestEnvironment.withNamespace("relist") { client, namespace in
            let gone: ConfigMap = try await client.create(.configMaps, namespace: namespace, KubeTestEnvironment.configMap("gone-soon"))
            let _: ConfigMap = try await client.create(.configMaps, namespace: namespace, KubeTestEnvironment.configMap("stays"))
            try await client.delete(.configMaps, namespace: namespace, name: "gone-soon")
            // Push version 1 out of the API server's watch cache (it keeps about 100 events per resource).
            let _: ConfigMap = try await client.create(.configMaps, namespace: namespace, KubeTestEnvironment.configMap("churn"))
            for index in 0..<150 {
                let _: ConfigMap = try await client.patch(.configMaps, namespace: namespace, name: "churn", .merge(["data": ["i": .string(String(index))]]))
            }
            // The cache still holds an object deleted while no watch ran, and the watch resumes from a version
            // far older than the server keeps: it is refused with 410 Gone and the informer relists.
            let informer = Informer<ConfigMap>(client: client, resource: .configMaps, namespace: namespace, logger: Logger(label: "test"))
            await informer.remember(gone)
            await informer.startFrom(version: "1")
            let recorder = Recorder()
            let recording = Self.record(await informer.changes(), into: recorder)
            let running = Task { await informer.run() }
            try await KubeTestEnvironment.eventually("the relist delivers the deletion") {
                let lines = await recorder.lines
                return lines.contains("deleted gone-soon") && lines.contains("added stays ") && lines.contains("synced")
            }
            #expect(await informer.object(gone.informerKey) == nil)
            running.cancel()
            await running.value
            await recording.value
        }
    }

    @Test func reconnectsWhenTheServerEndsTheWatch() async throws {
        try await KubeTestEnvironment.withNamespace("reconnect") { client, namespace in
            let informer = Informer<ConfigMap>(
                client: client, resource: .configMaps, namespace: namespace, labelSelector: nil, fieldSelector: nil,
                watchTimeoutSeconds: 1, pageSize: 2, logger: Logger(label: "test"))
            let running = Task { await informer.run() }
            await informer.waitUntilSynced()
            try await Task.sleep(for: .seconds(2))  // let the first watch time out on the server
            let _: ConfigMap = try await client.create(.configMaps, namespace: namespace, KubeTestEnvironment.configMap("after-timeout"))
            try await KubeTestEnvironment.eventually("the change after a watch timeout arrives") {
                await informer.object(InformerKey(namespace: namespace, name: "after-timeout")) != nil
            }
            running.cancel()
            await running.value
        }
    }
}
