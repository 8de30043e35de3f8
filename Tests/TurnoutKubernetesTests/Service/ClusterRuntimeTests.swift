import Foundation
import KubernetesClient
import KubernetesTestSupport
import Testing
import TurnoutCore
import TurnoutKubernetes
import TurnoutService

/// The CLI's runtime on a real API server, with the controller reconciling beside it: apply all or nothing,
/// the views, logs through the pods' log subresource, and every operation read back from the cluster.
@Suite(.enabled(if: KubeTestEnvironment.isAvailable, KubeTestEnvironment.skipMessage))
struct ClusterRuntimeTests {
    /// A manual blue-green rollout whose pods print a line (the test kubelet runs the command).
    static let shop = """
        apiVersion: argoproj.io/v1alpha1
        kind: Rollout
        metadata:
          name: shop
        spec:
          replicas: 2
          selector:
            matchLabels: {app: shop}
          template:
            metadata:
              labels: {app: shop}
            spec:
              containers:
              - name: shop
                image: example/shop:blue
                command: [python3, -c, "import time; print('shop serving', flush=True); time.sleep(3600)"]
          strategy:
            blueGreen:
              activeService: shop-active
              previewService: shop-preview
              autoPromotionEnabled: false
              scaleDownDelaySeconds: 5
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: shop-active}
        spec:
          selector: {app: shop}
          ports: [{port: 80, targetPort: 8080}]
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: shop-preview}
        spec:
          selector: {app: shop}
          ports: [{port: 80, targetPort: 8080}]
        """

    static func runtime(_ harness: ControllerHarness) -> ClusterRuntime {
        ClusterRuntime(client: harness.client, namespace: harness.namespace, group: .argo)
    }

    /// Polls the rollout's view until `condition` holds.
    @discardableResult
    static func view(_ runtime: ClusterRuntime, _ harness: ControllerHarness, _ what: String, timeout: Duration = .seconds(60), _ condition: @escaping (RolloutView) -> Bool) async throws -> RolloutView {
        var last: RolloutView?
        try await harness.eventually(what, timeout: timeout) {
            last = try await runtime.rollout(named: "shop")
            return last.map(condition) ?? false
        }
        return try #require(last)
    }

    @Test(.timeLimit(.minutes(2)))
    func applyDryRunsEveryObjectBeforeWritingAny() async throws {
        try await ControllerHarness.run("apply") { harness in
            let runtime = Self.runtime(harness)
            let broken = "apiVersion: v1\nkind: Service\nmetadata: {name: sideways}\nspec:\n  type: Sideways\n  ports: [{port: 80}]\n"
            do throws(RuntimeServiceError) {
                _ = try await runtime.apply(ApplyRequest(files: [ManifestFile(file: "shop.yaml", manifest: Self.shop), ManifestFile(file: "broken.yaml", manifest: broken)]))
                Issue.record("an object the API server refuses must fail the apply")
            } catch {
                #expect(error.message.contains("dry run") && error.message.contains("nothing was changed"), "\(error.message)")
            }
            await #expect(throws: RuntimeServiceError.self) { try await runtime.rollout(named: "shop") }
            #expect(try await harness.client.listAll(.services, namespace: harness.namespace, as: Service.self).items.isEmpty, "nothing was created")

            do throws(RuntimeServiceError) {
                _ = try await runtime.apply(ApplyRequest(files: [ManifestFile(file: "bad.yaml", manifest: "apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata: {name: x}\nspec:\n  replicas: many\n")]))
                Issue.record("a manifest the linter refuses must fail the apply")
            } catch {
                guard case .invalidManifest(_, let diagnostics) = error else { Issue.record("\(error)"); return }
                #expect(diagnostics.contains { $0.location.file == "bad.yaml" })
            }

            let created = try await runtime.apply(ApplyRequest(files: [ManifestFile(file: "shop.yaml", manifest: Self.shop)]))
            #expect(created.outcomes.map(\.result) == ["created", "created", "created"])
            #expect(created.listeners.map(\.name).sorted() == ["service/shop-active", "service/shop-preview"])
            let again = try await runtime.apply(ApplyRequest(files: [ManifestFile(file: "shop.yaml", manifest: Self.shop)]))
            #expect(again.outcomes.map(\.result) == ["configured", "configured", "configured"])

            // A watch shows the rollout as it changes, and ends when the rollout is deleted.
            var phases: [RolloutPhase?] = []
            for await view in try await runtime.watch(rolloutNamed: "shop") {
                phases.append(view.rollout.status?.phase)
                if view.rollout.status?.phase == .healthy { break }
            }
            #expect(phases.last == .healthy, "\(phases)")
            let watching = try await runtime.watch(rolloutNamed: "shop")
            _ = try await runtime.delete(kind: "Rollout", name: "shop")
            var after = 0
            for await _ in watching { after += 1 }
            #expect(after >= 1, "the first view, then the end of the stream")
        }
    }

    @Test func everyOperationIsReadBackFromTheCluster() async throws {
        try await ControllerHarness.run("ops") { harness in
            let runtime = Self.runtime(harness)
            _ = try await runtime.apply(ApplyRequest(files: [ManifestFile(file: "shop.yaml", manifest: Self.shop)]))
            let first = try await Self.view(runtime, harness, "the first revision is healthy") { $0.rollout.status?.phase == .healthy }
            let blue = try #require(first.rollout.status?.stableRS)
            let bluePods = try #require(first.revisions.first { $0.hash == blue }?.processes)
            #expect(bluePods.count == 2 && bluePods.allSatisfy { $0.kind == .pod && $0.isReady && $0.name?.hasPrefix("shop-\(blue)-") == true })
            #expect(first.traffic?.stable == blue)
            #expect(try await runtime.rollouts().map(\.name) == ["shop"])

            var logs: [String] = []
            try await harness.eventually("both pods have logged") {
                logs = try await runtime.logs(ofRollout: "shop", revision: nil, lines: 10).lines
                return logs.filter { $0.hasSuffix("shop serving") }.count == 2
            }
            #expect(logs.allSatisfy { $0.hasPrefix("[\(blue)/shop-\(blue)-") }, "\(logs)")

            _ = try await runtime.perform(.setImage, onRollout: "shop", OperationRequest(container: "shop", image: "example/shop:green"))
            let previewing = try await Self.view(runtime, harness, "the green revision waits in preview") {
                $0.rollout.status?.phase == .paused && $0.rollout.status?.blueGreen?.previewSelector != blue
            }
            let green = try #require(previewing.rollout.status?.blueGreen?.previewSelector)
            #expect(try await harness.service("shop-active").selectedHash == blue)
            #expect(try await harness.service("shop-preview").selectedHash == green)

            _ = try await runtime.perform(.pause, onRollout: "shop", OperationRequest())
            #expect(try await harness.rollout("shop").spec.paused == true)
            _ = try await runtime.perform(.resume, onRollout: "shop", OperationRequest())
            #expect(try await harness.rollout("shop").spec.paused != true)

            _ = try await runtime.perform(.abort, onRollout: "shop", OperationRequest())
            try await Self.view(runtime, harness, "the abort is recorded and the preview is left") { $0.rollout.status?.isAborted == true && $0.rollout.status?.phase == .degraded }
            #expect(try await harness.service("shop-active").selectedHash == blue, "the active service never left blue")
            _ = try await runtime.perform(.retry, onRollout: "shop", OperationRequest())
            try await Self.view(runtime, harness, "the retried update waits in preview again") { $0.rollout.status?.isAborted != true && $0.rollout.status?.phase == .paused }

            _ = try await runtime.perform(.promote, onRollout: "shop", OperationRequest())
            try await Self.view(runtime, harness, "green is promoted") { $0.rollout.status?.stableRS == green && $0.rollout.status?.phase == .healthy }
            #expect(try await harness.service("shop-active").selectedHash == green)

            _ = try await runtime.perform(.undo, onRollout: "shop", OperationRequest())
            #expect(try await harness.rollout("shop").spec.template?.spec.containers.first?.image == "example/shop:blue", "undo puts the previous template back")
            // Blue still runs within its scale-down delay, or waits for promotion once it has scaled down.
            let undoing = try await Self.view(runtime, harness, "blue comes back") { view in
                let status = view.rollout.status
                return (status?.stableRS == blue && status?.phase == .healthy) || (status?.blueGreen?.previewSelector == blue && status?.phase == .paused)
            }
            if undoing.rollout.status?.phase == .paused {
                _ = try await runtime.perform(.promote, onRollout: "shop", OperationRequest(full: true))
            }
            let back = try await Self.view(runtime, harness, "blue is stable again") { $0.rollout.status?.stableRS == blue && $0.rollout.status?.phase == .healthy }

            let before = Set(back.revisions.first { $0.hash == blue }?.processes.compactMap(\.name) ?? [])
            _ = try await runtime.perform(.restart, onRollout: "shop", OperationRequest())
            #expect(try await harness.rollout("shop").spec.restartAt != nil)
            try await Self.view(runtime, harness, "every blue pod is replaced, one at a time") { view in
                let pods = view.revisions.first { $0.hash == blue }?.processes ?? []
                return pods.count == 2 && pods.allSatisfy { $0.isReady && !before.contains($0.name ?? "") }
            }

            let reasons = try await runtime.events(ofRollout: "shop", limit: nil).map(\.reason)
            for reason in ["RevisionCreated", "ActiveSwitched", "RevisionPromoted"] { #expect(reasons.contains(reason), "\(reasons)") }
            #expect(try await runtime.events(ofRollout: "shop", limit: 2).count == 2)

            #expect(try await runtime.delete(kind: "rollout", name: "shop").name == "shop")
            try await harness.eventually("the rollout is gone") { (try? await runtime.rollout(named: "shop")) == nil }
            await #expect(throws: RuntimeServiceError.self) { try await runtime.perform(.promote, onRollout: "shop", OperationRequest()) }
        }
    }
}
