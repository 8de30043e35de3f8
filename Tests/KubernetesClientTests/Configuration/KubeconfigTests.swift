import Foundation
import Testing

@testable import KubernetesClient

@Suite struct KubeconfigTests {
    static let full = """
        apiVersion: v1
        kind: Config
        current-context: dev
        preferences: {}
        clusters:
        - name: prod
          cluster:
            server: https://10.0.0.1:6443
            certificate-authority-data: \(Data("CA-PEM".utf8).base64EncodedString())
            tls-server-name: kubernetes.default
        - name: lab
          cluster:
            server: https://lab.example:443/k8s/clusters/c-1
            certificate-authority: certs/ca.crt
        - name: loose
          cluster:
            server: http://127.0.0.1:8080
            insecure-skip-tls-verify: true
        users:
        - name: admin
          user:
            token: s3cr3t
        - name: robot
          user:
            tokenFile: tokens/robot
        - name: tls
          user:
            client-certificate-data: \(Data("CERT".utf8).base64EncodedString())
            client-key-data: \(Data("KEY".utf8).base64EncodedString())
        - name: files
          user:
            client-certificate: /abs/client.crt
            client-key: client.key
        - name: plugin
          user:
            exec:
              apiVersion: client.authentication.k8s.io/v1beta1
              command: ./bin/get-token
              args: ["--cluster", "prod cluster"]
              env:
              - name: REGION
                value: eu-west-1
              installHint: install get-token
              provideClusterInfo: true
        - name: onpath
          user:
            exec:
              apiVersion: client.authentication.k8s.io/v1
              command: aws
        contexts:
        - name: dev
          context:
            cluster: lab
            user: robot
            namespace: team-a
        - name: ops
          context:
            cluster: prod
            user: admin
        - name: anonymous
          context:
            cluster: loose
        """

    @Test func parsesClustersUsersAndContexts() throws {
        let config = try Kubeconfig.parse(yaml: Self.full, directory: "/home/me/.kube")
        #expect(config.currentContext == "dev")
        #expect(config.clusters["prod"]?.server == "https://10.0.0.1:6443")
        #expect(config.clusters["prod"]?.certificateAuthorityData == Array("CA-PEM".utf8))
        #expect(config.clusters["prod"]?.tlsServerName == "kubernetes.default")
        #expect(config.clusters["lab"]?.certificateAuthority == "/home/me/.kube/certs/ca.crt")
        #expect(config.clusters["loose"]?.insecureSkipTLSVerify == true)
        #expect(config.clusters["lab"]?.insecureSkipTLSVerify == false)
        #expect(config.users["admin"]?.token == "s3cr3t")
        #expect(config.users["robot"]?.tokenFile == "/home/me/.kube/tokens/robot")
        #expect(config.users["tls"]?.clientCertificateData == Array("CERT".utf8))
        #expect(config.users["tls"]?.clientKeyData == Array("KEY".utf8))
        #expect(config.users["files"]?.clientCertificate == "/abs/client.crt")
        #expect(config.users["files"]?.clientKey == "/home/me/.kube/client.key")
        #expect(config.contexts["dev"] == Kubeconfig.Context(cluster: "lab", user: "robot", namespace: "team-a"))
        #expect(config.contexts["anonymous"] == Kubeconfig.Context(cluster: "loose", user: nil, namespace: nil))
    }

    @Test func parsesExecPluginsResolvingOnlyCommandsWithASlash() throws {
        let config = try Kubeconfig.parse(yaml: Self.full, directory: "/home/me/.kube")
        let exec = try #require(config.users["plugin"]?.exec)
        #expect(exec.command == "/home/me/.kube/bin/get-token")
        #expect(exec.args == ["--cluster", "prod cluster"])
        #expect(exec.env == [ExecConfig.EnvironmentVariable(name: "REGION", value: "eu-west-1")])
        #expect(exec.apiVersion == "client.authentication.k8s.io/v1beta1")
        #expect(exec.installHint == "install get-token")
        #expect(exec.provideClusterInfo)
        #expect(config.users["onpath"]?.exec?.command == "aws")
    }

    @Test(arguments: [
        ("clusters: 3", "clusters"),
        ("clusters:\n- cluster:\n    server: https://x\n", "name"),
        ("users:\n- name: u\n  user:\n    client-key-data: '%%%'\n", "users.u.client-key-data: not valid base64"),
    ])
    func rejectsMalformedFilesNamingTheField(yaml: String, fragment: String) {
        #expect {
            try Kubeconfig.parse(yaml: yaml, directory: nil, path: "/k/config")
        } throws: { error in
            guard case .malformed(let path, let message) = error as? KubeconfigError else { return false }
            return path == "/k/config" && message.contains(fragment)
        }
    }

    @Test func anEmptyFileIsAnEmptyConfig() throws {
        #expect(try Kubeconfig.parse(yaml: "\n", directory: nil) == Kubeconfig())
    }

    struct MergeCase: Sendable, CustomTestStringConvertible {
        var name: String
        var files: [String]
        var currentContext: String?
        var servers: [String: String]
        var contextClusters: [String: String]
        var testDescription: String { name }
    }

    static let mergeCases: [MergeCase] = [
        MergeCase(
            name: "first file defining a cluster wins",
            files: [
                "clusters:\n- name: a\n  cluster: {server: 'https://one'}\n",
                "clusters:\n- name: a\n  cluster: {server: 'https://two'}\n- name: b\n  cluster: {server: 'https://b'}\n",
            ],
            currentContext: nil, servers: ["a": "https://one", "b": "https://b"], contextClusters: [:]),
        MergeCase(
            name: "first current-context wins",
            files: ["current-context: first\n", "current-context: second\n"],
            currentContext: "first", servers: [:], contextClusters: [:]),
        MergeCase(
            name: "an empty current-context does not count",
            files: ["current-context: ''\n", "current-context: second\n"],
            currentContext: "second", servers: [:], contextClusters: [:]),
        MergeCase(
            name: "contexts merge by name, whole entries",
            files: [
                "contexts:\n- name: c\n  context: {cluster: x}\n",
                "contexts:\n- name: c\n  context: {cluster: y, namespace: n}\n- name: d\n  context: {cluster: z}\n",
            ],
            currentContext: nil, servers: [:], contextClusters: ["c": "x", "d": "z"]),
    ]

    @Test(arguments: mergeCases)
    func mergesLikeKubectl(_ testCase: MergeCase) throws {
        let merged = Kubeconfig.merged(try testCase.files.map { try Kubeconfig.parse(yaml: $0, directory: nil) })
        #expect(merged.currentContext == testCase.currentContext)
        #expect(merged.clusters.mapValues(\.server) == testCase.servers)
        #expect(merged.contexts.mapValues(\.cluster) == testCase.contextClusters)
        if testCase.name.hasPrefix("contexts") { #expect(merged.contexts["c"]?.namespace == nil) }
    }

    @Test func loadsAKubeconfigListSkippingMissingFilesAndResolvingPathsPerFile() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let first = try directory.write(
            "one/config", "users:\n- name: u\n  user: {tokenFile: token}\ncurrent-context: c\n")
        let second = try directory.write(
            "two/config",
            "users:\n- name: u\n  user: {token: ignored}\n- name: v\n  user: {tokenFile: token}\ncurrent-context: d\n")
        let environment = ["KUBECONFIG": "\(directory.file("missing")):\(first)::\(second)"]
        let config = try #require(try Kubeconfig.loadDefault(environment: environment, homeDirectory: "/nonexistent"))
        #expect(config.currentContext == "c")
        #expect(config.users["u"]?.tokenFile == directory.file("one/token"))
        #expect(config.users["u"]?.token == nil)
        #expect(config.users["v"]?.tokenFile == directory.file("two/token"))
    }

    @Test func fallsBackToTheHomeDirectoryAndReportsNoneWhenNothingExists() throws {
        let home = try TemporaryDirectory()
        defer { home.remove() }
        #expect(try Kubeconfig.loadDefault(environment: [:], homeDirectory: home.path) == nil)
        #expect(try Kubeconfig.loadDefault(environment: ["KUBECONFIG": home.file("nope")], homeDirectory: nil) == nil)
        try home.write(".kube/config", "current-context: home\n")
        #expect(try Kubeconfig.loadDefault(environment: [:], homeDirectory: home.path)?.currentContext == "home")
    }

    @Test func anUnreadableExplicitFileIsNamed() {
        #expect {
            try Kubeconfig.load(path: "/nonexistent/kubeconfig")
        } throws: { error in
            guard case .unreadableFile(let path, _) = error as? KubeconfigError else { return false }
            return path == "/nonexistent/kubeconfig"
                && (error as? KubeconfigError)?.description.hasPrefix("read /nonexistent/kubeconfig: ") == true
        }
    }
}
