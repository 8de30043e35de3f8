import NIOSSL

/// How a client verifies the API server and which certificate it presents. Verification is on unless
/// `insecureSkipVerify` says otherwise.
public struct TLSSettings: Sendable, Hashable {
    /// The CA bundle (PEM) to trust instead of the system's roots; `nil` trusts the system's.
    public var certificateAuthorityPEM: [UInt8]?
    /// Accept any server certificate (`insecure-skip-tls-verify`).
    public var insecureSkipVerify: Bool
    /// The name to verify the server's certificate against instead of the URL's host (`tls-server-name`).
    public var serverName: String?
    /// The client certificate and key to present, if any.
    public var clientCertificate: ClientCertificate?

    /// Creates TLS settings; the defaults verify against the system's roots with no client certificate.
    public init(
        certificateAuthorityPEM: [UInt8]? = nil, insecureSkipVerify: Bool = false, serverName: String? = nil,
        clientCertificate: ClientCertificate? = nil
    ) {
        self.certificateAuthorityPEM = certificateAuthorityPEM
        self.insecureSkipVerify = insecureSkipVerify
        self.serverName = serverName
        self.clientCertificate = clientCertificate
    }

    /// The NIOSSL client configuration; `clientCertificate` overrides the settings' own (an exec plugin's).
    public func makeTLSConfiguration(clientCertificate override: ClientCertificate? = nil) throws -> TLSConfiguration {
        var configuration = TLSConfiguration.makeClientConfiguration()
        if insecureSkipVerify {
            configuration.certificateVerification = .none
        } else if let certificateAuthorityPEM {
            do {
                let roots = try NIOSSLCertificate.fromPEMBytes(certificateAuthorityPEM)
                guard !roots.isEmpty else {
                    throw KubeconfigError.invalidCertificate(
                        what: "certificate authority", message: "no PEM certificate in the bundle")
                }
                configuration.trustRoots = .certificates(roots)
            } catch let error as KubeconfigError {
                throw error
            } catch {
                throw KubeconfigError.invalidCertificate(what: "certificate authority", message: "\(error)")
            }
        }
        if let client = override ?? clientCertificate {
            do {
                let chain = try NIOSSLCertificate.fromPEMBytes(client.certificatePEM)
                guard !chain.isEmpty else {
                    throw KubeconfigError.invalidCertificate(
                        what: "client certificate", message: "no PEM certificate in the data")
                }
                configuration.certificateChain = chain.map { .certificate($0) }
            } catch let error as KubeconfigError {
                throw error
            } catch {
                throw KubeconfigError.invalidCertificate(what: "client certificate", message: "\(error)")
            }
            do {
                configuration.privateKey = .privateKey(try NIOSSLPrivateKey(bytes: client.keyPEM, format: .pem))
            } catch {
                throw KubeconfigError.invalidCertificate(what: "client key", message: "\(error)")
            }
        }
        return configuration
    }
}
