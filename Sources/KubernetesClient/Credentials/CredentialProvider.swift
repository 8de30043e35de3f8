import Foundation

/// What one request presents: an `Authorization` header value and/or a client certificate.
public struct Credential: Sendable, Hashable {
    /// The `Authorization` header value (`Bearer …` or `Basic …`), if any.
    public var authorization: String?
    /// A client certificate to present instead of the configuration's own, if any (from an exec plugin).
    public var clientCertificate: ClientCertificate?

    /// Creates a credential.
    public init(authorization: String?, clientCertificate: ClientCertificate?) {
        self.authorization = authorization
        self.clientCertificate = clientCertificate
    }
}

/// Hands out the credential for each request: fixed tokens as they are, token files re-read when they
/// change, exec plugins run once and cached until their `expirationTimestamp` (or until the server
/// answers 401). Concurrent callers share one plugin run.
public actor CredentialProvider {
    private let authentication: ClientConfiguration.Authentication
    private let runPlugin: @Sendable (ExecConfig) async throws -> ExecCredential
    private let now: @Sendable () -> Date
    private var tokenFile: TokenFile?
    private var cached: ExecCredential?
    private var pending: Task<ExecCredential, any Error>?

    /// Creates a provider; `runPlugin` runs an exec plugin (injectable for tests), `now` is the clock
    /// expirations are compared with.
    public init(
        authentication: ClientConfiguration.Authentication,
        runPlugin: @escaping @Sendable (ExecConfig) async throws -> ExecCredential,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.authentication = authentication
        self.runPlugin = runPlugin
        self.now = now
        if case .tokenFile(let path) = authentication { tokenFile = TokenFile(path: path) }
    }

    /// Creates the provider a client uses: plugins run as processes with the cluster's info at hand.
    public init(configuration: ClientConfiguration) {
        let cluster = (server: configuration.server.absoluteString, certificateAuthorityPEM: configuration.tls.certificateAuthorityPEM)
        self.init(authentication: configuration.authentication) { config in
            try await ExecCredentialPlugin(config: config, cluster: cluster).run()
        }
    }

    /// Whether a 401 may be cured by fetching the credential again (token files and plugins).
    public var canRefresh: Bool {
        switch authentication {
        case .tokenFile, .exec: true
        case .none, .bearerToken, .basic: false
        }
    }

    /// The credential for the next request.
    public func credential() async throws -> Credential {
        switch authentication {
        case .none:
            return Credential(authorization: nil, clientCertificate: nil)
        case .bearerToken(let token):
            return Credential(authorization: "Bearer \(token)", clientCertificate: nil)
        case .basic(let username, let password):
            let encoded = Data("\(username):\(password)".utf8).base64EncodedString()
            return Credential(authorization: "Basic \(encoded)", clientCertificate: nil)
        case .tokenFile(let path):
            var file = tokenFile ?? TokenFile(path: path)
            defer { tokenFile = file }
            return Credential(authorization: "Bearer \(try file.current())", clientCertificate: nil)
        case .exec(let config):
            let credential = try await execCredential(config)
            return Credential(
                authorization: credential.token.map { "Bearer \($0)" }, clientCertificate: credential.clientCertificate)
        }
    }

    /// Forgets cached credentials so the next request fetches fresh ones (called after a 401).
    public func invalidate() {
        cached = nil
        tokenFile?.invalidate()
    }

    private func execCredential(_ config: ExecConfig) async throws -> ExecCredential {
        if let cached, cached.expiration.map({ $0 > now() }) ?? true { return cached }
        if let pending { return try await pending.value }
        let runPlugin = self.runPlugin
        let task = Task { try await runPlugin(config) }
        pending = task
        defer { pending = nil }
        let credential = try await task.value
        cached = credential
        return credential
    }
}
