import Foundation
import Testing

@testable import KubernetesClient
import KubernetesTestSupport

/// Credentials and TLS against a real kube-apiserver: tokens, exec plugins (with a refresh after a 401),
/// CA verification, `tls-server-name`, and `insecure-skip-tls-verify`.
@Suite(.enabled(if: KubeTestEnvironment.isAvailable, KubeTestEnvironment.skipMessage))
struct AuthenticationIntegrationTests {
    static func canList(_ configuration: ClientConfiguration) async throws {
        try await KubeTestEnvironment.withClient(configuration) { client in
            _ = try await client.list(.namespaces, namespace: nil, options: ListOptions(limit: 1), as: KubernetesJSON.self)
        }
    }

    static func adminToken(_ configuration: ClientConfiguration) throws -> String {
        guard case .bearerToken(let token) = configuration.authentication else {
            throw KubeconfigError.notInCluster(message: "the test kubeconfig has no bearer token")
        }
        return token
    }

    @Test func refusesABadTokenAsUnauthorized() async throws {
        var configuration = try KubeTestEnvironment.configuration()
        configuration.authentication = .bearerToken("not-a-token")
        await #expect {
            try await Self.canList(configuration)
        } throws: { error in
            guard case .unauthorized = error as? KubernetesError else { return false }
            return "\(error)".hasPrefix("list namespaces: 401 Unauthorized")
        }
    }

    @Test func runsAnExecPluginAndRefreshesItAfterA401() async throws {
        var configuration = try KubeTestEnvironment.configuration()
        let token = try Self.adminToken(configuration)
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        // The first run hands out a revoked token; every later run the real one.
        let script = """
            #!/bin/sh
            if [ -e "$STATE/ran" ]; then t="$GOOD"; else t=revoked; fi
            echo x >> "$STATE/ran"
            printf '{"apiVersion":"client.authentication.k8s.io/v1beta1","kind":"ExecCredential","status":{"token":"%s"}}' "$t"
            """
        let command = try directory.write("plugin", script, executable: true)
        configuration.authentication = .exec(
            ExecConfig(
                command: command, env: [.init(name: "STATE", value: directory.path), .init(name: "GOOD", value: token)],
                apiVersion: "client.authentication.k8s.io/v1beta1"))
        try await Self.canList(configuration)
        let runs = try String(contentsOfFile: directory.file("ran"), encoding: .utf8).split(separator: "\n").count
        #expect(runs == 2)
    }

    @Test func verifiesTheServerAgainstTheConfiguredCA() async throws {
        var configuration = try KubeTestEnvironment.configuration()
        try await Self.canList(configuration)
        configuration.tls.serverName = "kubernetes.default"
        try await Self.canList(configuration)

        // (A wrong tls-server-name is not refused here: the test server's certificate also names
        // IP 127.0.0.1, and NIOSSL accepts a certificate whose IP SAN is the address connected to.)

        var wrongCA = configuration
        wrongCA.tls.serverName = nil
        wrongCA.tls.certificateAuthorityPEM = Array(TestCertificates.caPEM.utf8)
        await #expect {
            try await Self.canList(wrongCA)
        } throws: { error in
            guard case .transport = error as? KubernetesError else { return false }
            return true
        }
        wrongCA.tls.insecureSkipVerify = true
        try await Self.canList(wrongCA)
    }

    @Test func usesAServiceAccountInClusterAndRereadsItsRotatedToken() async throws {
        try await KubeTestEnvironment.withNamespace("incluster") { client, namespace in
            var tokens: [String] = []
            for name in ["first", "second"] {
                let _: KubernetesJSON = try await client.create(
                    .serviceAccounts, namespace: namespace,
                    ["apiVersion": "v1", "kind": "ServiceAccount", "metadata": ["name": .string(name)]] as KubernetesJSON)
                var token: String?
                try await KubeTestEnvironment.eventually("a token Secret for \(name)") {
                    let secrets = try await client.listAll(
                        .secrets, namespace: namespace, options: ListOptions(fieldSelector: "type=kubernetes.io/service-account-token"),
                        as: KubernetesJSON.self)
                    let secret = secrets.items.first {
                        $0[path: ["metadata", "annotations", "kubernetes.io/service-account.name"]]?.stringValue == name
                    }
                    guard let encoded = secret?[path: ["data", "token"]]?.stringValue,
                        let data = Data(base64Encoded: encoded)
                    else { return false }
                    token = String(decoding: data, as: UTF8.self)
                    return true
                }
                tokens.append(try #require(token))
            }
            let directory = try TemporaryDirectory()
            defer { directory.remove() }
            try directory.write("token", tokens[0])
            try directory.write("namespace", namespace)
            try directory.write("ca.crt", String(decoding: client.configuration.tls.certificateAuthorityPEM ?? [], as: UTF8.self))
            let server = client.configuration.server
            let configuration = try InClusterConfiguration.load(
                directory: directory.path,
                environment: [
                    "KUBERNETES_SERVICE_HOST": server.host ?? "", "KUBERNETES_SERVICE_PORT": "\(server.port ?? 443)",
                ])
            #expect(configuration.namespace == namespace)
            try await KubeTestEnvironment.withClient(configuration) { inCluster in
                for (index, name) in ["first", "second"].enumerated() {
                    if index > 0 { try directory.write("token", tokens[index]) }
                    await #expect {
                        _ = try await inCluster.list(.pods, namespace: nil, as: KubernetesJSON.self)
                    } throws: { error in
                        guard case .forbidden = error as? KubernetesError else { return false }
                        return "\(error)".contains("system:serviceaccount:\(namespace):\(name)")
                    }
                }
            }
        }
    }
}
