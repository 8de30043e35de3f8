import Foundation
import Testing

@testable import KubernetesClient

@Suite struct InClusterConfigurationTests {
    @Test func readsTheServiceAccountDirectoryAndEnvironment() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("token", "t0ken")
        try directory.write("ca.crt", TestCertificates.caPEM)
        try directory.write("namespace", "turnout-system\n")
        let configuration = try InClusterConfiguration.load(
            directory: directory.path,
            environment: ["KUBERNETES_SERVICE_HOST": "10.96.0.1", "KUBERNETES_SERVICE_PORT": "443"])
        #expect(configuration.server.absoluteString == "https://10.96.0.1:443")
        #expect(configuration.namespace == "turnout-system")
        #expect(configuration.authentication == .tokenFile(directory.file("token")))
        #expect(configuration.tls.certificateAuthorityPEM == Array(TestCertificates.caPEM.utf8))
        #expect(configuration.tls.insecureSkipVerify == false)
    }

    @Test func bracketsAnIPv6HostAndDefaultsTheNamespace() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("token", "t0ken")
        let configuration = try InClusterConfiguration.load(
            directory: directory.path,
            environment: ["KUBERNETES_SERVICE_HOST": "fd00::1", "KUBERNETES_SERVICE_PORT": "6443"])
        #expect(configuration.server.absoluteString == "https://[fd00::1]:6443")
        #expect(configuration.namespace == "default")
        #expect(configuration.tls.certificateAuthorityPEM == nil)
    }

    @Test(arguments: [
        [String: String](),
        ["KUBERNETES_SERVICE_HOST": "10.96.0.1"],
        ["KUBERNETES_SERVICE_HOST": "10.96.0.1", "KUBERNETES_SERVICE_PORT": "443", "NO_TOKEN": "1"],
    ])
    func refusesOutsideAPod(environment: [String: String]) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        if environment["NO_TOKEN"] == nil { try directory.write("token", "t0ken") }
        #expect {
            try InClusterConfiguration.load(directory: directory.path, environment: environment)
        } throws: { error in
            guard case .notInCluster = error as? KubeconfigError else { return false }
            return true
        }
    }
}
