import Foundation
import Testing

@testable import KubernetesClient

@Suite struct ClientConfigurationTests {
    static let config = """
        current-context: dev
        clusters:
        - name: lab
          cluster: {server: 'https://lab.example:6443/prefix', certificate-authority-data: \(Data("CA".utf8).base64EncodedString())}
        - name: bad
          cluster: {server: 'ftp://lab.example'}
        users:
        - {name: token, user: {token: abc}}
        - {name: file, user: {tokenFile: /run/token}}
        - {name: basic, user: {username: me, password: pw}}
        - {name: exec, user: {exec: {command: get-token, apiVersion: client.authentication.k8s.io/v1}}}
        - {name: halfcert, user: {client-certificate-data: \(Data("C".utf8).base64EncodedString())}}
        - {name: cert, user: {client-certificate-data: \(Data("C".utf8).base64EncodedString()), client-key-data: \(Data("K".utf8).base64EncodedString())}}
        contexts:
        - {name: dev, context: {cluster: lab, user: token, namespace: team-a}}
        - {name: file, context: {cluster: lab, user: file}}
        - {name: basic, context: {cluster: lab, user: basic}}
        - {name: exec, context: {cluster: lab, user: exec}}
        - {name: anonymous, context: {cluster: lab}}
        - {name: cert, context: {cluster: lab, user: cert}}
        - {name: halfcert, context: {cluster: lab, user: halfcert}}
        - {name: nocluster, context: {cluster: gone, user: token}}
        - {name: nouser, context: {cluster: lab, user: gone}}
        - {name: badserver, context: {cluster: bad}}
        """

    static let kubeconfig = Result { try Kubeconfig.parse(yaml: config, directory: nil) }

    @Test(arguments: [
        ("dev", ClientConfiguration.Authentication.bearerToken("abc")),
        ("file", .tokenFile("/run/token")),
        ("basic", .basic(username: "me", password: "pw")),
        ("exec", .exec(ExecConfig(command: "get-token", apiVersion: "client.authentication.k8s.io/v1"))),
        ("anonymous", .none),
        ("cert", .none),
    ])
    func picksTheUsersAuthentication(context: String, expected: ClientConfiguration.Authentication) throws {
        let configuration = try ClientConfiguration(kubeconfig: Self.kubeconfig.get(), context: context)
        #expect(configuration.authentication == expected)
        #expect(configuration.contextName == context)
        #expect(configuration.server.absoluteString == "https://lab.example:6443/prefix")
        #expect(configuration.tls.certificateAuthorityPEM == Array("CA".utf8))
    }

    @Test func usesTheCurrentContextAndItsNamespaceUnlessOverridden() throws {
        let kubeconfig = try Self.kubeconfig.get()
        #expect(try ClientConfiguration(kubeconfig: kubeconfig).namespace == "team-a")
        #expect(try ClientConfiguration(kubeconfig: kubeconfig, namespace: "other").namespace == "other")
        #expect(try ClientConfiguration(kubeconfig: kubeconfig, context: "file").namespace == "default")
    }

    @Test func readsClientCertificates() throws {
        let configuration = try ClientConfiguration(kubeconfig: Self.kubeconfig.get(), context: "cert")
        #expect(configuration.tls.clientCertificate == ClientCertificate(certificatePEM: [UInt8]("C".utf8), keyPEM: [UInt8]("K".utf8)))
    }

    @Test(arguments: [
        ("nosuch", "load kubeconfig: context \"nosuch\" is not defined"),
        ("nocluster", "load kubeconfig: context \"nocluster\" names cluster \"gone\", which is not defined"),
        ("nouser", "load kubeconfig: context \"nouser\" names user \"gone\", which is not defined"),
        ("badserver", "load kubeconfig: cluster \"bad\" has server \"ftp://lab.example\", which is not an http(s) URL"),
        ("halfcert", "load kubeconfig: user \"halfcert\" has a client certificate without a key, or a key without a certificate"),
    ])
    func refusesBrokenContextsNamingWhatIsMissing(context: String, message: String) throws {
        let kubeconfig = try Self.kubeconfig.get()
        #expect {
            try ClientConfiguration(kubeconfig: kubeconfig, context: context)
        } throws: { error in
            (error as? KubeconfigError)?.description == message
        }
    }

    @Test func refusesAConfigWithoutACurrentContext() {
        #expect(throws: KubeconfigError.noCurrentContext) { try ClientConfiguration(kubeconfig: Kubeconfig()) }
    }

    @Test func readsCertificateFilesAtLoad() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("ca.crt", "CA FILE")
        try directory.write("client.crt", "CERT FILE")
        try directory.write("client.key", "KEY FILE")
        let path = try directory.write(
            "config",
            """
            current-context: c
            clusters: [{name: k, cluster: {server: 'https://k:6443', certificate-authority: ca.crt}}]
            users: [{name: u, user: {client-certificate: client.crt, client-key: client.key}}]
            contexts: [{name: c, context: {cluster: k, user: u}}]
            """)
        let configuration = try ClientConfiguration.load(kubeconfigPath: path, environment: [:])
        #expect(configuration.tls.certificateAuthorityPEM == Array("CA FILE".utf8))
        #expect(configuration.tls.clientCertificate?.certificatePEM == Array("CERT FILE".utf8))
        #expect(configuration.tls.clientCertificate?.keyPEM == Array("KEY FILE".utf8))
        try FileManager.default.removeItem(atPath: directory.file("ca.crt"))
        #expect {
            try ClientConfiguration.load(kubeconfigPath: path, environment: [:])
        } throws: { error in
            guard case .unreadableFile(let file, _) = error as? KubeconfigError else { return false }
            return file == directory.file("ca.crt")
        }
    }

    @Test func fallsBackToInClusterWhenNoKubeconfigExists() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("token", "pod-token\n")
        let environment = [
            "HOME": directory.path, "KUBERNETES_SERVICE_HOST": "10.96.0.1", "KUBERNETES_SERVICE_PORT": "443",
        ]
        let configuration = try ClientConfiguration.load(
            namespace: "override", environment: environment, serviceAccountDirectory: directory.path)
        #expect(configuration.server.absoluteString == "https://10.96.0.1:443")
        #expect(configuration.namespace == "override")
        #expect(configuration.authentication == .tokenFile(directory.file("token")))
    }
}
