import Foundation
import Testing

@testable import KubernetesClient
import KubernetesTestSupport

/// Objects on a real kube-apiserver: create, get, list with pages and selectors, update, patch, delete,
/// and the typed errors the server's refusals become.
@Suite(.enabled(if: KubeTestEnvironment.isAvailable, KubeTestEnvironment.skipMessage))
struct KubernetesClientIntegrationTests {
    @Test func createsListsInPagesAndSelects() async throws {
        try await KubeTestEnvironment.withNamespace("list") { client, namespace in
            for index in 1...5 {
                let created: ConfigMap = try await client.create(
                    .configMaps, namespace: namespace,
                    KubeTestEnvironment.configMap(
                        "cm-\(index)", labels: ["parity": index.isMultiple(of: 2) ? "even" : "odd"],
                        data: ["index": "\(index)"]))
                #expect(created.metadata.name == "cm-\(index)")
                #expect(created.metadata.resourceVersion != nil)
            }
            let labelled = ListOptions(labelSelector: "parity", limit: 2)
            let first = try await client.list(.configMaps, namespace: namespace, options: labelled, as: ConfigMap.self)
            #expect(first.items.map(\.metadata.name) == ["cm-1", "cm-2"])
            let token = try #require(first.metadata.nextPage)
            var next = labelled
            next.continueToken = token
            let second = try await client.list(.configMaps, namespace: namespace, options: next, as: ConfigMap.self)
            #expect(second.items.map(\.metadata.name) == ["cm-3", "cm-4"])
            let secondToken = try #require(second.metadata.nextPage)
            next.continueToken = secondToken
            let third = try await client.list(.configMaps, namespace: namespace, options: next, as: ConfigMap.self)
            #expect(third.items.map(\.metadata.name) == ["cm-5"])
            #expect(third.metadata.nextPage == nil)

            let all = try await client.listAll(.configMaps, namespace: namespace, options: labelled, as: ConfigMap.self)
            #expect(all.items.map(\.metadata.name) == ["cm-1", "cm-2", "cm-3", "cm-4", "cm-5"])
            #expect(all.resourceVersion != nil)
            let even = try await client.listAll(
                .configMaps, namespace: namespace, options: ListOptions(labelSelector: "parity=even"), as: ConfigMap.self)
            #expect(even.items.map(\.metadata.name) == ["cm-2", "cm-4"])
            let byName = try await client.list(
                .configMaps, namespace: namespace, options: ListOptions(fieldSelector: "metadata.name=cm-3"),
                as: ConfigMap.self)
            #expect(byName.items.map { $0.data?["index"] } == ["3"])
            let across = try await client.list(
                .configMaps, namespace: nil, options: ListOptions(labelSelector: "parity=odd"), as: ConfigMap.self)
            #expect(across.items.filter { $0.metadata.namespace == namespace }.count == 3)
        }
    }

    @Test func updatesWithOptimisticConcurrency() async throws {
        try await KubeTestEnvironment.withNamespace("update") { client, namespace in
            let created: ConfigMap = try await client.create(
                .configMaps, namespace: namespace, KubeTestEnvironment.configMap("web", data: ["color": "blue"]))
            var changed = created
            changed.data = ["color": "green"]
            let updated: ConfigMap = try await client.update(.configMaps, namespace: namespace, name: "web", changed)
            #expect(updated.data == ["color": "green"])
            #expect(updated.metadata.resourceVersion != created.metadata.resourceVersion)

            var stale = created
            stale.data = ["color": "red"]
            await #expect {
                let _: ConfigMap = try await client.update(.configMaps, namespace: namespace, name: "web", stale)
            } throws: { error in
                guard case .conflict(let failure) = error as? KubernetesError else { return false }
                return failure.code == 409
                    && "\(error)".hasPrefix("update configmaps \(namespace)/web: 409 Conflict: Operation cannot be fulfilled")
            }
            let read: ConfigMap = try await client.get(.configMaps, namespace: namespace, name: "web")
            #expect(read.data == ["color": "green"])
        }
    }

    @Test func turnsRefusalsIntoTypedErrors() async throws {
        try await KubeTestEnvironment.withNamespace("errors") { client, namespace in
            let _: ConfigMap = try await client.create(.configMaps, namespace: namespace, KubeTestEnvironment.configMap("web"))
            await #expect {
                let _: ConfigMap = try await client.create(
                    .configMaps, namespace: namespace, KubeTestEnvironment.configMap("web"))
            } throws: { error in
                guard case .alreadyExists = error as? KubernetesError else { return false }
                return "\(error)".hasPrefix("create configmaps \(namespace)/web: 409 Conflict: configmaps \"web\" already exists")
            }
            await #expect {
                let _: ConfigMap = try await client.get(.configMaps, namespace: namespace, name: "missing")
            } throws: { error in
                guard case .notFound = error as? KubernetesError else { return false }
                return "\(error)" == "get configmaps \(namespace)/missing: 404 Not Found: configmaps \"missing\" not found"
            }
            await #expect {
                let _: ConfigMap = try await client.create(
                    .configMaps, namespace: namespace, KubeTestEnvironment.configMap("Not_Valid"))
            } throws: { error in
                guard case .invalid(let failure) = error as? KubernetesError else { return false }
                return failure.causes.contains { $0.field == "metadata.name" } && failure.code == 422
            }
            await #expect {
                _ = try await client.list(
                    .configMaps, namespace: namespace, options: ListOptions(labelSelector: "a b c"), as: ConfigMap.self)
            } throws: { error in
                guard case .badRequest = error as? KubernetesError else { return false }
                return true
            }
            let dryRun: ConfigMap = try await client.create(
                .configMaps, namespace: namespace, KubeTestEnvironment.configMap("ghost"),
                options: WriteOptions(dryRun: true))
            #expect(dryRun.metadata.name == "ghost")
            await #expect {
                let _: ConfigMap = try await client.get(.configMaps, namespace: namespace, name: "ghost")
            } throws: { error in
                guard case .notFound = error as? KubernetesError else { return false }
                return true
            }
        }
    }

    @Test func patchesInEachFormat() async throws {
        try await KubeTestEnvironment.withNamespace("patch") { client, namespace in
            let created: ConfigMap = try await client.create(
                .configMaps, namespace: namespace,
                KubeTestEnvironment.configMap("web", labels: ["app": "web"], data: ["a": "1", "b": "2"]))
            let merged: ConfigMap = try await client.patch(
                .configMaps, namespace: namespace, name: "web", .merge(["data": ["a": nil, "c": "3"]]))
            #expect(merged.data == ["b": "2", "c": "3"])
            let patched: ConfigMap = try await client.patch(
                .configMaps, namespace: namespace, name: "web",
                .json([
                    .test("/metadata/uid", .string(created.metadata.uid ?? "")),
                    .add("/metadata/labels/\(JSONPatchOperation.escape("turnout.dev/hash"))", "abc"),
                    .replace("/data/b", "20"),
                ]))
            #expect(patched.metadata.labels == ["app": "web", "turnout.dev/hash": "abc"])
            #expect(patched.data == ["b": "20", "c": "3"])
            await #expect {
                let _: ConfigMap = try await client.patch(
                    .configMaps, namespace: namespace, name: "web", .json([.test("/data/b", "wrong"), .remove("/data/c")]))
            } throws: { error in
                (error as? KubernetesError)?.failure?.code == 422
            }
            let strategic: ConfigMap = try await client.patch(
                .configMaps, namespace: namespace, name: "web", .strategicMerge(["data": ["d": "4"]]))
            #expect(strategic.data == ["b": "20", "c": "3", "d": "4"])
        }
    }

    @Test func strategicMergeMergesListsByKeyWhereMergePatchReplacesThem() async throws {
        try await KubeTestEnvironment.withNamespace("strategic") { client, namespace in
            let _: KubernetesJSON = try await client.create(
                .deployments, namespace: namespace, IntegrationManifests.deployment("web", replicas: 1))
            let strategic: KubernetesJSON = try await client.patch(
                .deployments, namespace: namespace, name: "web",
                .strategicMerge([
                    "spec": ["template": ["spec": ["containers": [["name": "sidecar", "image": "busybox:1"]]]]]
                ]))
            let names = strategic[path: ["spec", "template", "spec", "containers"]]?.arrayValue?.compactMap {
                $0["name"]?.stringValue
            }
            #expect(Set(names ?? []) == ["app", "sidecar"])
            let merge: KubernetesJSON = try await client.patch(
                .deployments, namespace: namespace, name: "web",
                .merge(["spec": ["template": ["spec": ["containers": [["name": "only", "image": "busybox:2"]]]]]]))
            let replaced = merge[path: ["spec", "template", "spec", "containers"]]?.arrayValue?.compactMap {
                $0["name"]?.stringValue
            }
            #expect(replaced == ["only"])
        }
    }

    @Test func deletesWithPreconditionsAndPropagation() async throws {
        try await KubeTestEnvironment.withNamespace("delete") { client, namespace in
            let created: ConfigMap = try await client.create(
                .configMaps, namespace: namespace, KubeTestEnvironment.configMap("web"))
            await #expect {
                try await client.delete(
                    .configMaps, namespace: namespace, name: "web",
                    options: DeleteOptions(preconditions: .init(uid: "00000000-0000-0000-0000-000000000000")))
            } throws: { error in
                guard case .conflict = error as? KubernetesError else { return false }
                return "\(error)".hasPrefix("delete configmaps \(namespace)/web: 409 Conflict: ")
            }
            try await client.delete(
                .configMaps, namespace: namespace, name: "web",
                options: DeleteOptions(
                    propagationPolicy: .background,
                    preconditions: .init(uid: created.metadata.uid, resourceVersion: created.metadata.resourceVersion)))
            await #expect {
                let _: ConfigMap = try await client.get(.configMaps, namespace: namespace, name: "web")
            } throws: { error in
                guard case .notFound = error as? KubernetesError else { return false }
                return true
            }
            let _: KubernetesJSON = try await client.create(
                .deployments, namespace: namespace, IntegrationManifests.deployment("app", replicas: 0))
            let answer = try await client.delete(
                .deployments, namespace: namespace, name: "app", options: DeleteOptions(propagationPolicy: .foreground))
            #expect(answer[path: ["metadata", "finalizers"]]?.arrayValue?.contains("foregroundDeletion") == true)
        }
    }
}
