import Foundation

/// The configuration of a client running in a pod: the service account's token, CA and namespace.
public enum InClusterConfiguration {
    /// Where Kubernetes mounts the service account's credentials in every pod.
    public static let defaultDirectory = "/var/run/secrets/kubernetes.io/serviceaccount"

    /// Builds the configuration from `KUBERNETES_SERVICE_HOST`/`_PORT` and the files in `directory`
    /// (`token`, re-read when it rotates; `ca.crt`; `namespace`).
    public static func load(
        directory: String = defaultDirectory, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> ClientConfiguration {
        guard let host = environment["KUBERNETES_SERVICE_HOST"], !host.isEmpty,
            let port = environment["KUBERNETES_SERVICE_PORT"], !port.isEmpty
        else {
            throw KubeconfigError.notInCluster(
                message: "KUBERNETES_SERVICE_HOST and KUBERNETES_SERVICE_PORT are not set, and no kubeconfig was found")
        }
        let base = URL(fileURLWithPath: directory)
        let tokenPath = base.appendingPathComponent("token").path
        guard FileManager.default.isReadableFile(atPath: tokenPath) else {
            throw KubeconfigError.notInCluster(message: "no readable service-account token at \(tokenPath)")
        }
        let bracketed = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
        guard let server = URL(string: "https://\(bracketed):\(port)") else {
            throw KubeconfigError.invalidServer(cluster: "in-cluster", server: "https://\(bracketed):\(port)")
        }
        let caPath = base.appendingPathComponent("ca.crt").path
        let certificateAuthority =
            FileManager.default.fileExists(atPath: caPath) ? try ClientConfiguration.read(caPath) : nil
        let namespacePath = base.appendingPathComponent("namespace").path
        let namespace = (try? String(contentsOfFile: namespacePath, encoding: .utf8))?
            .trimmingCharacters(in: .whitespacesAndNewlines)
        return ClientConfiguration(
            server: server,
            namespace: namespace.flatMap { $0.isEmpty ? nil : $0 } ?? "default",
            tls: TLSSettings(certificateAuthorityPEM: certificateAuthority),
            authentication: .tokenFile(tokenPath))
    }
}
