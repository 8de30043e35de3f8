import Foundation
import Testing

import KubernetesClient

/// The real API server of `scripts/kube-testenv`, found through `TURNOUT_KUBE_TESTENV` (the path of an
/// admin kubeconfig; when it is not a file, `KUBECONFIG` as `kube-testenv env` exports it).
public enum KubeTestEnvironment {
    /// Why the integration tests are skipped, for the trait's comment.
    public static let skipMessage: Comment =
        "TURNOUT_KUBE_TESTENV is not set: start a real API server with `scripts/kube-testenv up`, then `eval \"$(scripts/kube-testenv env)\"` and TURNOUT_KUBE_TESTENV=$KUBECONFIG"

    /// The admin kubeconfig's path, when the environment is configured.
    public static var kubeconfigPath: String? {
        let environment = ProcessInfo.processInfo.environment
        guard let value = environment["TURNOUT_KUBE_TESTENV"], !value.isEmpty else { return nil }
        if FileManager.default.fileExists(atPath: value) { return value }
        if let kubeconfig = environment["KUBECONFIG"], FileManager.default.fileExists(atPath: kubeconfig) {
            return kubeconfig
        }
        return nil
    }

    /// Whether the integration tests run.
    public static var isAvailable: Bool { kubeconfigPath != nil }

    /// The admin client configuration.
    public static func configuration() throws -> ClientConfiguration {
        let path = try #require(kubeconfigPath)
        return try ClientConfiguration(kubeconfig: Kubeconfig.load(path: path))
    }

    /// Runs `body` with a client for `configuration`, shutting it down afterwards.
    public static func withClient<T>(
        _ configuration: ClientConfiguration, _ body: (KubernetesClient) async throws -> T
    ) async throws -> T {
        let client = try KubernetesClient(configuration: configuration)
        do {
            let result = try await body(client)
            try await client.shutdown()
            return result
        } catch {
            try? await client.shutdown()
            throw error
        }
    }

    /// Runs `body` with an admin client and a fresh namespace, deleting the namespace afterwards.
    public static func withNamespace(
        _ label: String, _ body: (KubernetesClient, String) async throws -> Void
    ) async throws {
        let client = try KubernetesClient(configuration: configuration())
        let namespace = "kc-\(label)-\(UUID().uuidString.prefix(8).lowercased())"
        let _: KubernetesJSON = try await client.create(
            .namespaces,
            ["apiVersion": "v1", "kind": "Namespace", "metadata": ["name": .string(namespace)]] as KubernetesJSON)
        do {
            try await body(client, namespace)
        } catch {
            // A task of its own: when the test was cancelled (a time limit), requests in it would be cancelled
            // too, and a client that is never shut down stops the whole test process.
            await Task {
                _ = try? await client.delete(.namespaces, name: namespace)
                try? await client.shutdown()
            }.value
            throw error
        }
        try await client.delete(.namespaces, name: namespace)
        try await client.shutdown()
    }

    /// Polls `condition` until it holds or `timeout` passes (then records a failure naming `what`).
    public static func eventually(
        _ what: String, timeout: Duration = .seconds(20), _ condition: () async throws -> Bool
    ) async throws {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        while clock.now < deadline {
            if try await condition() { return }
            try await clock.sleep(for: .milliseconds(100))
        }
        Issue.record("\(what) did not happen within \(timeout)")
    }
}
