import Foundation
import KubernetesTestSupport
import Testing

/// A `deploy/` kustomization applied to the test API server under unique names (`namespace:` and `nameSuffix:`
/// laid over it, so runs in parallel do not collide), and removed afterwards: its namespace, ClusterRoles and
/// ClusterRoleBindings. The CRDs it carries are shared with other suites and stay.
struct TestInstall: Sendable {
    /// Where the controller's namespaced objects went.
    let namespace: String
    /// The suffix of every object's name.
    let suffix: String

    /// The install's service account, as `--as` names it.
    var serviceAccount: String { "system:serviceaccount:\(namespace):\(name(DeployLayout.controller))" }

    /// An object's name in this install.
    func name(_ base: String) -> String { "\(base)-\(suffix)" }

    /// Renders `directory` under unique names, applies it with `kubectl apply --server-side`, runs `body`, cleans up.
    /// `createNamespace`: create the namespace first (the namespaced overlay brings none).
    static func with(
        _ directory: URL, createNamespace: Bool, _ body: (TestInstall, RenderedManifest) async throws -> Void
    ) async throws {
        let suffix = String(UUID().uuidString.prefix(8).lowercased())
        let install = TestInstall(namespace: "dt-\(suffix)", suffix: suffix)
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("turnout-deploy-\(suffix)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let kustomization = """
            apiVersion: kustomize.config.k8s.io/v1beta1
            kind: Kustomization
            namespace: \(install.namespace)
            nameSuffix: -\(suffix)
            resources:
              - \(relativePath(from: work, to: directory))

            """
        try kustomization.write(to: work.appendingPathComponent("kustomization.yaml"), atomically: true, encoding: .utf8)
        let rendering = try await Kubectl.kustomize(work)
        let manifest = try RenderedManifest(yaml: rendering)
        let file = work.appendingPathComponent("rendered.yaml")
        try rendering.write(to: file, atomically: true, encoding: .utf8)
        // kubectl resolves a resource through discovery before it asks the authorizer: the routers' kinds the
        // install grants must be served, or `auth can-i` answers no for them.
        try await CustomResourceInstaller.install(.gatewayAPI)
        try await CustomResourceInstaller.install(.istio)
        do {
            if createNamespace { try await Kubectl.admin(["create", "namespace", install.namespace]) }
            // The same field manager as CustomResourceInstaller: the identical CRDs are then a no-op.
            try await Kubectl.admin(["apply", "--server-side", "--force-conflicts", "-f", file.path])
            try await body(install, manifest)
        } catch {
            await install.remove(manifest)
            throw error
        }
        await install.remove(manifest)
    }

    /// The authorizer's answer to each check, asked as the install's service account (four kubectl at a time).
    func allowed(_ checks: [AccessCheck]) async throws -> [Bool] {
        let user = serviceAccount
        let kubeconfig = KubeTestEnvironment.kubeconfigPath
        return try await withThrowingTaskGroup(of: (Int, Bool).self) { group in
            var answers = [Bool](repeating: false, count: checks.count)
            var next = 0
            func ask(_ index: Int) {
                let arguments = checks[index].arguments(as: user)
                group.addTask {
                    let result = try await Kubectl.run(arguments, kubeconfig: kubeconfig)
                    switch result.stdout.trimmingCharacters(in: .whitespacesAndNewlines) {
                    case "yes": return (index, true)
                    case "no": return (index, false)
                    default: throw Kubectl.Failure(message: result.described(arguments))
                    }
                }
            }
            while next < min(4, checks.count) { ask(next); next += 1 }
            while let (index, answer) = try await group.next() {
                answers[index] = answer
                if next < checks.count { ask(next); next += 1 }
            }
            return answers
        }
    }

    /// Deletes the install's namespace and cluster-scoped RBAC (not the CRDs); a failure is recorded, not thrown.
    private func remove(_ manifest: RenderedManifest) async {
        var commands: [[String]] = []
        for kind in ["ClusterRoleBinding", "ClusterRole"] {
            let names = manifest.names(ofKind: kind)
            if !names.isEmpty { commands.append(["delete", kind.lowercased(), "--ignore-not-found"] + names) }
        }
        commands.append(["delete", "namespace", namespace, "--ignore-not-found", "--wait=false"])
        for command in commands {
            do { try await Kubectl.admin(command) } catch { Issue.record("cleaning up: \(error)") }
        }
    }

    /// `target` relative to `base` (kustomize refuses absolute resource paths).
    private static func relativePath(from base: URL, to target: URL) -> String {
        let from = base.resolvingSymlinksInPath().standardizedFileURL.pathComponents
        let to = target.resolvingSymlinksInPath().standardizedFileURL.pathComponents
        var common = 0
        while common < min(from.count, to.count), from[common] == to[common] { common += 1 }
        return (Array(repeating: "..", count: from.count - common) + to[common...]).joined(separator: "/")
    }
}
