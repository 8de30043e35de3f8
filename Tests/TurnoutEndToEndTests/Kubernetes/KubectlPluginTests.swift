import Foundation
import KubernetesClient
import KubernetesTestSupport
import Testing
import TurnoutService

/// A manual blue-green release on the test API server driven as a user would: `kubectl turnout` (the binary
/// linked as the kubectl plugin), `turnout --kubeconfig` and `KUBECONFIG`, with `turnout controller` running.
@Suite(.enabled(if: KubeTestEnvironment.isAvailable, KubeTestEnvironment.skipMessage))
struct KubectlPluginTests {
    static let manifest = """
        apiVersion: turnout.dev/v1alpha1
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
          strategy:
            blueGreen:
              activeService: shop-active
              previewService: shop-preview
              autoPromotionEnabled: false
              scaleDownDelaySeconds: 2
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

    /// A directory holding `kubectl-turnout`, a link to the built binary, for PATH.
    static func pluginDirectory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("turnout-plugin-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: directory.appendingPathComponent("kubectl-turnout"), withDestinationURL: TurnoutBinary.url)
        return directory
    }

    @Test func manualBlueGreenWithPreviewPromoteAbortAndUndo() async throws {
        let kubeconfig = try #require(KubeTestEnvironment.kubeconfigPath)
        try await CustomResourceInstaller.install(.turnout)
        try await KubeTestEnvironment.withNamespace("plugin") { client, namespace in
            let cli = ClusterCLI(kubeconfig: kubeconfig, namespace: namespace, group: "turnout.dev")
            let controller = try await ControllerProcess(kubeconfig: kubeconfig, namespace: namespace, group: "turnout.dev", identity: "e2e-plugin")
            let plugins = try Self.pluginDirectory()
            defer { try? FileManager.default.removeItem(at: plugins) }
            let path = plugins.path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
            func kubectlTurnout(_ arguments: [String]) async throws -> TurnoutBinary.Result {
                try await TurnoutBinary.run(
                    ["kubectl", "turnout"] + arguments + ["-n", namespace], executable: URL(fileURLWithPath: "/usr/bin/env"),
                    environment: ["PATH": path, "KUBECONFIG": kubeconfig, "TURNOUT_SERVER": ""])
            }
            let file = plugins.appendingPathComponent("shop.yaml")
            try Data(Self.manifest.utf8).write(to: file)

            let help = try await TurnoutBinary.run(["kubectl", "turnout", "--help"], executable: URL(fileURLWithPath: "/usr/bin/env"), environment: ["PATH": path])
            #expect(help.stdout.contains("USAGE: kubectl turnout"), "\(help.stdout)\(help.stderr)")

            let applied = try await kubectlTurnout(["apply", "-f", file.path])
            #expect(applied.status == 0, "\(applied.stderr)")
            #expect(applied.stdout.contains("created"), "\(applied.stdout)")
            let listed = try await cli.run(["list"])
            #expect(listed.status == 0 && listed.stdout.contains("shop"), "\(listed.stdout)\(listed.stderr)")

            let first = try await cli.waitFor("shop", "healthy") { $0.rollout.status?.phase == .healthy }
            let blue = try #require(first.rollout.status?.stableRS)

            // KUBECONFIG alone chooses the cluster for the plain binary too.
            let setGreen = try await TurnoutBinary.run(["set", "image", "shop", "shop=example/shop:green", "-n", namespace], environment: ["KUBECONFIG": kubeconfig, "TURNOUT_SERVER": ""])
            #expect(setGreen.status == 0, "\(setGreen.stderr)")
            let preview = try await cli.waitFor("shop", "paused with a preview") { $0.rollout.status?.phase == .paused && ($0.rollout.status?.blueGreen?.previewSelector).map { $0 != blue } == true }
            let green = try #require(preview.rollout.status?.blueGreen?.previewSelector)
            #expect(preview.rollout.status?.blueGreen?.activeSelector == blue)
            let tree = try await kubectlTurnout(["get", "rollout", "shop"])
            #expect(tree.status == 0 && tree.stdout.contains("shop-\(green)-"), "the tree lists the preview's pods: \(tree.stdout)\(tree.stderr)")

            #expect(try await kubectlTurnout(["promote", "shop"]).status == 0)
            try await cli.waitFor("shop", "promoted to green") { $0.rollout.status?.stableRS == green && $0.rollout.status?.phase == .healthy }

            #expect(try await kubectlTurnout(["set", "image", "shop", "shop=example/shop:yellow"]).status == 0)
            try await cli.waitFor("shop", "paused with the yellow preview") { $0.rollout.status?.phase == .paused && $0.rollout.status?.blueGreen?.previewSelector.map { $0 != green } == true }
            #expect(try await kubectlTurnout(["abort", "shop"]).status == 0)
            let aborted = try await cli.waitFor("shop", "aborted") { $0.rollout.status?.isAborted == true && $0.rollout.status?.phase == .degraded }
            #expect(aborted.rollout.status?.blueGreen?.activeSelector == green, "the active service stayed on green")

            #expect(try await kubectlTurnout(["undo", "shop"]).status == 0)
            let undone = try await cli.waitFor("shop", "back on green") { $0.rollout.status?.phase == .healthy && $0.rollout.status?.stableRS == green }
            #expect(undone.rollout.spec.template?.spec.containers.first?.image == "example/shop:green")

            let events = try await kubectlTurnout(["events", "shop", "-o", "json"])
            let reasons = try JSONDecoder().decode([EventView].self, from: Data(events.stdout.utf8)).map(\.reason)
            #expect(reasons.contains("ActiveSwitched") && reasons.contains("RevisionPromoted"), "\(reasons)")
            #expect(reasons.filter { $0 == "RolloutAborted" }.count == 1, "the user's abort is announced once: \(reasons)")

            let missing = try await kubectlTurnout(["get", "rollout", "nothing-here"])
            #expect(missing.status == 1 && missing.stderr.contains("does not exist in namespace \(namespace)"), "\(missing.stderr)")
            #expect(try await kubectlTurnout(["delete", "rollout", "shop"]).status == 0)
            let gone = try await cli.run(["get", "rollout", "shop"])
            #expect(gone.status != 0)
            #expect(await controller.stop() == 0, "SIGTERM stops the controller cleanly: \(controller.logTail())")
            _ = client
        }
    }
}
