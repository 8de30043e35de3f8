import Foundation

/// Everything a `KubernetesClient` needs to reach one API server: where, how to trust it, who to be, which namespace.
public struct ClientConfiguration: Sendable, Hashable {
    /// The server's base URL (scheme, host, port and any path prefix).
    public var server: URL
    /// The namespace requests default to.
    public var namespace: String
    /// How the server's certificate is verified and which client certificate is presented.
    public var tls: TLSSettings
    /// How requests are authenticated.
    public var authentication: Authentication
    /// The kubeconfig context this came from; `nil` for in-cluster or hand-made configurations.
    public var contextName: String?
    /// The longest a request (other than a watch or a log stream) may take.
    public var requestTimeout: Duration
    /// The `User-Agent` header sent with every request.
    public var userAgent: String

    /// Creates a configuration from its parts.
    public init(
        server: URL, namespace: String = "default", tls: TLSSettings = TLSSettings(),
        authentication: Authentication = .none, contextName: String? = nil, requestTimeout: Duration = .seconds(30),
        userAgent: String = "turnout"
    ) {
        self.server = server
        self.namespace = namespace
        self.tls = tls
        self.authentication = authentication
        self.contextName = contextName
        self.requestTimeout = requestTimeout
        self.userAgent = userAgent
    }

    /// How requests prove who they are.
    public enum Authentication: Sendable, Hashable {
        /// Anonymous (or by client certificate alone).
        case none
        /// A fixed bearer token.
        case bearerToken(String)
        /// A bearer token read from a file and re-read whenever the file changes (service-account tokens rotate).
        case tokenFile(String)
        /// HTTP basic authentication.
        case basic(username: String, password: String)
        /// A credential plugin run for a token or client certificate, cached until it expires.
        case exec(ExecConfig)
    }

    /// Builds the configuration of a kubeconfig context: `context` or else the current one;
    /// `namespace` overrides the context's.
    public init(kubeconfig: Kubeconfig, context: String? = nil, namespace: String? = nil) throws {
        guard let contextName = context ?? kubeconfig.currentContext else { throw KubeconfigError.noCurrentContext }
        guard let entry = kubeconfig.contexts[contextName] else { throw KubeconfigError.unknownContext(contextName) }
        guard let cluster = kubeconfig.clusters[entry.cluster] else {
            throw KubeconfigError.unknownCluster(context: contextName, cluster: entry.cluster)
        }
        guard let url = URL(string: cluster.server), let scheme = url.scheme?.lowercased(),
            scheme == "https" || scheme == "http", url.host != nil
        else {
            throw KubeconfigError.invalidServer(cluster: entry.cluster, server: cluster.server)
        }
        var user = Kubeconfig.User()
        if let userName = entry.user {
            guard let found = kubeconfig.users[userName] else {
                throw KubeconfigError.unknownUser(context: contextName, user: userName)
            }
            user = found
        }
        let tls = TLSSettings(
            certificateAuthorityPEM: try cluster.certificateAuthorityData
                ?? cluster.certificateAuthority.map { try Self.read($0) },
            insecureSkipVerify: cluster.insecureSkipTLSVerify,
            serverName: cluster.tlsServerName,
            clientCertificate: try Self.clientCertificate(of: user, named: entry.user ?? ""))
        let authentication: Authentication
        if let token = user.token {
            authentication = .bearerToken(token)
        } else if let tokenFile = user.tokenFile {
            authentication = .tokenFile(tokenFile)
        } else if let exec = user.exec {
            authentication = .exec(exec)
        } else if let username = user.username, let password = user.password {
            authentication = .basic(username: username, password: password)
        } else {
            authentication = .none
        }
        self.init(
            server: url, namespace: namespace ?? entry.namespace ?? "default", tls: tls,
            authentication: authentication, contextName: contextName)
    }

    /// The configuration kubectl would pick: an explicit kubeconfig file, else `KUBECONFIG` or
    /// `~/.kube/config`, else the in-cluster service account.
    public static func load(
        kubeconfigPath: String? = nil, context: String? = nil, namespace: String? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        serviceAccountDirectory: String = InClusterConfiguration.defaultDirectory
    ) throws -> ClientConfiguration {
        if let kubeconfigPath {
            return try ClientConfiguration(
                kubeconfig: Kubeconfig.load(path: kubeconfigPath), context: context, namespace: namespace)
        }
        if let kubeconfig = try Kubeconfig.loadDefault(environment: environment, homeDirectory: nil) {
            return try ClientConfiguration(kubeconfig: kubeconfig, context: context, namespace: namespace)
        }
        var configuration = try InClusterConfiguration.load(
            directory: serviceAccountDirectory, environment: environment)
        if let namespace { configuration.namespace = namespace }
        return configuration
    }

    /// The PEM files a user names, read; data fields win over files.
    static func clientCertificate(of user: Kubeconfig.User, named name: String) throws -> ClientCertificate? {
        let certificate = try user.clientCertificateData ?? user.clientCertificate.map { try read($0) }
        let key = try user.clientKeyData ?? user.clientKey.map { try read($0) }
        switch (certificate, key) {
        case (let certificate?, let key?): return ClientCertificate(certificatePEM: certificate, keyPEM: key)
        case (nil, nil): return nil
        case (.some, nil), (nil, .some): throw KubeconfigError.incompleteClientCertificate(user: name)
        }
    }

    /// The bytes of a file named by a kubeconfig.
    static func read(_ path: String) throws -> [UInt8] {
        do {
            return [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            throw KubeconfigError.unreadableFile(path: path, message: Kubeconfig.reason(error))
        }
    }
}

/// A client certificate and its private key, both PEM.
public struct ClientCertificate: Sendable, Hashable {
    /// The certificate chain, PEM.
    public var certificatePEM: [UInt8]
    /// The private key, PEM.
    public var keyPEM: [UInt8]

    /// Creates a client certificate from PEM bytes.
    public init(certificatePEM: [UInt8], keyPEM: [UInt8]) {
        self.certificatePEM = certificatePEM
        self.keyPEM = keyPEM
    }
}
