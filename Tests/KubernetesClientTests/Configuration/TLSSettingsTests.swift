import NIOSSL
import Testing

@testable import KubernetesClient

@Suite struct TLSSettingsTests {
    @Test func verifiesAgainstTheGivenCertificateAuthority() throws {
        let settings = TLSSettings(certificateAuthorityPEM: Array(TestCertificates.caPEM.utf8))
        let configuration = try settings.makeTLSConfiguration()
        #expect(configuration.certificateVerification == .fullVerification)
        let expected = try NIOSSLCertificate.fromPEMBytes(Array(TestCertificates.caPEM.utf8))
        #expect(configuration.trustRoots == .certificates(expected))
        #expect(configuration.certificateChain.isEmpty)
    }

    @Test func verifiesAgainstTheSystemRootsByDefault() throws {
        let configuration = try TLSSettings().makeTLSConfiguration()
        #expect(configuration.certificateVerification == .fullVerification)
        #expect(configuration.trustRoots == .default)
    }

    @Test func skipsVerificationOnlyWhenAskedTo() throws {
        let settings = TLSSettings(certificateAuthorityPEM: Array(TestCertificates.caPEM.utf8), insecureSkipVerify: true)
        #expect(try settings.makeTLSConfiguration().certificateVerification == .none)
    }

    @Test func presentsTheClientCertificateOrAnOverride() throws {
        let own = ClientCertificate(
            certificatePEM: Array(TestCertificates.clientCertificatePEM.utf8), keyPEM: Array(TestCertificates.clientKeyPEM.utf8))
        let settings = TLSSettings(clientCertificate: own)
        let configuration = try settings.makeTLSConfiguration()
        let certificate = try NIOSSLCertificate(bytes: Array(TestCertificates.clientCertificatePEM.utf8), format: .pem)
        #expect(configuration.certificateChain == [.certificate(certificate)])
        #expect(configuration.privateKey != nil)
        let override = ClientCertificate(
            certificatePEM: Array(TestCertificates.caPEM.utf8), keyPEM: Array(TestCertificates.clientKeyPEM.utf8))
        let overridden = try TLSSettings().makeTLSConfiguration(clientCertificate: override)
        let ca = try NIOSSLCertificate(bytes: Array(TestCertificates.caPEM.utf8), format: .pem)
        #expect(overridden.certificateChain == [.certificate(ca)])
    }

    @Test(arguments: [
        (TLSSettings(certificateAuthorityPEM: Array("not a certificate".utf8)), "load certificate authority: "),
        (
            TLSSettings(clientCertificate: ClientCertificate(certificatePEM: Array("junk".utf8), keyPEM: Array(TestCertificates.clientKeyPEM.utf8))),
            "load client certificate: "
        ),
        (
            TLSSettings(clientCertificate: ClientCertificate(certificatePEM: Array(TestCertificates.clientCertificatePEM.utf8), keyPEM: Array("junk".utf8))),
            "load client key: "
        ),
    ])
    func refusesUnparseablePEM(settings: TLSSettings, prefix: String) {
        #expect {
            try settings.makeTLSConfiguration()
        } throws: { error in
            (error as? KubeconfigError)?.description.hasPrefix(prefix) == true
        }
    }
}
