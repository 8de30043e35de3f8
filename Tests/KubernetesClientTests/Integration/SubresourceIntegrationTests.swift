import Foundation
import Testing

@testable import KubernetesClient
import KubernetesTestSupport

/// The `status` and `scale` subresources on a real kube-apiserver: a CRD's and a Deployment's.
@Suite(.enabled(if: KubeTestEnvironment.isAvailable, KubeTestEnvironment.skipMessage))
struct SubresourceIntegrationTests {
    /// Installs a fresh Widget CRD, waits until it is served, runs `body`, and removes the CRD.
    static func withWidgets(_ body: (KubernetesClient, ResourceType, String) async throws -> Void) async throws {
        let group = "w\(UUID().uuidString.prefix(8).lowercased()).turnout.test"
        let widgets = ResourceType(group: group, version: "v1", plural: "widgets", namespaced: true)
        try await KubeTestEnvironment.withNamespace("crd") { client, namespace in
            let _: KubernetesJSON = try await client.create(
                .customResourceDefinitions, IntegrationManifests.widgetDefinition(group: group))
            do {
                try await KubeTestEnvironment.eventually("widgets.\(group) established") {
                    let crd: KubernetesJSON = try await client.get(.customResourceDefinitions, name: "widgets.\(group)")
                    let conditions = crd[path: ["status", "conditions"]]?.arrayValue ?? []
                    return conditions.contains { $0["type"] == "Established" && $0["status"] == "True" }
                }
                try await KubeTestEnvironment.eventually("widgets.\(group) served") {
                    do {
                        _ = try await client.list(widgets, namespace: namespace, as: KubernetesJSON.self)
                        return true
                    } catch KubernetesError.notFound {
                        return false
                    }
                }
                try await body(client, widgets, namespace)
            } catch {
                _ = try? await client.delete(.customResourceDefinitions, name: "widgets.\(group)")
                throw error
            }
            try await client.delete(.customResourceDefinitions, name: "widgets.\(group)")
        }
    }

    @Test func writesStatusOnlyThroughTheStatusSubresource() async throws {
        try await Self.withWidgets { client, widgets, namespace in
            let widget: KubernetesJSON = [
                "apiVersion": .string(widgets.groupVersion), "kind": "Widget", "metadata": ["name": "w"],
                "spec": ["color": "blue", "replicas": 1], "status": ["phase": "Ignored"],
            ]
            let created: KubernetesJSON = try await client.create(widgets, namespace: namespace, widget)
            #expect(created["status"] == nil)

            var withStatus = created
            if case .object(var object) = withStatus {
                object["status"] = ["phase": "Ready"]
                object["spec"] = ["color": "red", "replicas": 1]
                withStatus = .object(object)
            }
            let updated: KubernetesJSON = try await client.updateStatus(widgets, namespace: namespace, name: "w", withStatus)
            #expect(updated[path: ["status", "phase"]] == "Ready")
            #expect(updated[path: ["spec", "color"]] == "blue")

            let patched: KubernetesJSON = try await client.patchStatus(
                widgets, namespace: namespace, name: "w", .merge(["status": ["phase": "Progressing"]]))
            #expect(patched[path: ["status", "phase"]] == "Progressing")
            let status: KubernetesJSON = try await client.getStatus(widgets, namespace: namespace, name: "w")
            #expect(status[path: ["status", "phase"]] == "Progressing")

            let specOnly: KubernetesJSON = try await client.patch(
                widgets, namespace: namespace, name: "w",
                .merge(["spec": ["color": "green"], "status": ["phase": "Ignored"]]))
            #expect(specOnly[path: ["spec", "color"]] == "green")
            #expect(specOnly[path: ["status", "phase"]] == "Progressing")
        }
    }

    @Test func reportsAWatchFromATooOldResourceVersionAsGone() async throws {
        // A freshly installed CRD's watch cache starts at the current revision, so revision 1 is too old.
        try await Self.withWidgets { client, widgets, namespace in
            let stream = client.watch(
                widgets, namespace: namespace, options: WatchOptions(resourceVersion: "1", timeoutSeconds: 30),
                as: KubernetesJSON.self)
            await #expect {
                for try await _ in stream {}
            } throws: { error in
                guard case .gone(let failure) = error as? KubernetesError else { return false }
                return failure.code == 410 && "\(error)".hasPrefix("watch \(widgets) in namespace \(namespace): 410 Gone")
            }
        }
    }

    @Test func scalesACustomResourceThroughItsScaleSubresource() async throws {
        try await Self.withWidgets { client, widgets, namespace in
            let _: KubernetesJSON = try await client.create(
                widgets, namespace: namespace,
                [
                    "apiVersion": .string(widgets.groupVersion), "kind": "Widget", "metadata": ["name": "w"],
                    "spec": ["replicas": 2],
                ] as KubernetesJSON)
            let _: KubernetesJSON = try await client.patchStatus(
                widgets, namespace: namespace, name: "w", .merge(["status": ["replicas": 2, "selector": "app=w"]]))
            let scale = try await client.scale(widgets, namespace: namespace, name: "w")
            #expect(scale.spec.replicas == 2)
            #expect(scale.status?.replicas == 2)
            #expect(scale.status?.selector == "app=w")
            let scaled = try await client.setScale(widgets, namespace: namespace, name: "w", replicas: 5)
            #expect(scaled.spec.replicas == 5)
            let widget: KubernetesJSON = try await client.get(widgets, namespace: namespace, name: "w")
            #expect(widget[path: ["spec", "replicas"]] == 5)
        }
    }

    @Test func scalesADeploymentWithOptimisticConcurrency() async throws {
        try await KubeTestEnvironment.withNamespace("scale") { client, namespace in
            let _: KubernetesJSON = try await client.create(
                .deployments, namespace: namespace, IntegrationManifests.deployment("web", replicas: 1))
            // The deployment controller writes status meanwhile: re-read and retry on conflict, as callers do.
            var before = try await client.scale(.deployments, namespace: namespace, name: "web")
            #expect(before.spec.replicas == 1)
            #expect(before.metadata.name == "web")
            var after: Scale?
            try await KubeTestEnvironment.eventually("a conditional scale to 3") {
                do {
                    after = try await client.setScale(
                        .deployments, namespace: namespace, name: "web", replicas: 3,
                        resourceVersion: before.metadata.resourceVersion)
                    return true
                } catch KubernetesError.conflict {
                    before = try await client.scale(.deployments, namespace: namespace, name: "web")
                    return false
                }
            }
            #expect(after?.spec.replicas == 3)
            let deployment: KubernetesJSON = try await client.get(.deployments, namespace: namespace, name: "web")
            #expect(deployment[path: ["spec", "replicas"]] == 3)
            await #expect {
                try await client.setScale(
                    .deployments, namespace: namespace, name: "web", replicas: 4,
                    resourceVersion: before.metadata.resourceVersion)
            } throws: { error in
                guard case .conflict = error as? KubernetesError else { return false }
                return "\(error)".hasPrefix("update deployments.apps/scale \(namespace)/web: 409 Conflict")
            }
            try await KubeTestEnvironment.eventually("the Deployment's scale reports its selector") {
                try await client.scale(.deployments, namespace: namespace, name: "web").status?.selector == "app=web"
            }
        }
    }

    @Test func readsAndFollowsAPodsLog() async throws {
        try await KubeTestEnvironment.withNamespace("log") { client, namespace in
            let pod: KubernetesJSON = [
                "apiVersion": "v1", "kind": "Pod", "metadata": ["name": "printer"],
                "spec": [
                    "restartPolicy": "Never",
                    "containers": [["name": "main", "image": "busybox:1", "command": ["/bin/sh", "-c", "echo one; echo two"]]],
                ],
            ]
            // Pods are refused (500, retryable) until the namespace's default ServiceAccount has its token.
            try await KubeTestEnvironment.eventually("the pod to be created") {
                do {
                    let _: KubernetesJSON = try await client.create(.pods, namespace: namespace, pod)
                    return true
                } catch let error as KubernetesError where error.isRetryable {
                    return false
                }
            }
            try await KubeTestEnvironment.eventually("the pod to succeed", timeout: .seconds(60)) {
                let read: KubernetesJSON = try await client.get(.pods, namespace: namespace, name: "printer")
                return read[path: ["status", "phase"]] == "Succeeded"
            }
            #expect(try await client.log(pod: "printer", namespace: namespace) == "one\ntwo\n")
            #expect(
                try await client.log(pod: "printer", namespace: namespace, options: LogOptions(container: "main", tailLines: 1))
                    == "two\n")
            var lines: [String] = []
            for try await line in client.followLog(pod: "printer", namespace: namespace) { lines.append(line) }
            #expect(lines == ["one", "two"])
            await #expect {
                try await client.log(pod: "nobody", namespace: namespace)
            } throws: { error in
                guard case .notFound = error as? KubernetesError else { return false }
                return "\(error)".hasPrefix("get pods/log \(namespace)/nobody: 404 Not Found")
            }
        }
    }
}
