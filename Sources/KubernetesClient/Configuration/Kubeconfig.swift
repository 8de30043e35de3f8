import Foundation

/// The contents of one kubeconfig file, or of several merged: named clusters, users and contexts.
///
/// Relative file paths in it (CA, client certificate and key, token file, an exec command with a `/`)
/// are already resolved against the directory of the file that defined them.
public struct Kubeconfig: Sendable, Hashable {
    /// Clusters by name.
    public var clusters: [String: Cluster]
    /// Users (credentials) by name.
    public var users: [String: User]
    /// Contexts (cluster + user + namespace) by name.
    public var contexts: [String: Context]
    /// The context used when none is named.
    public var currentContext: String?

    /// Creates a kubeconfig from its parts.
    public init(
        clusters: [String: Cluster] = [:], users: [String: User] = [:], contexts: [String: Context] = [:],
        currentContext: String? = nil
    ) {
        self.clusters = clusters
        self.users = users
        self.contexts = contexts
        self.currentContext = currentContext
    }

    /// An API server and how to trust it.
    public struct Cluster: Sendable, Hashable {
        /// The server's base URL, e.g. `https://10.0.0.1:6443` (a path prefix is kept).
        public var server: String
        /// The CA bundle (PEM) from `certificate-authority-data`.
        public var certificateAuthorityData: [UInt8]?
        /// The CA bundle's file, from `certificate-authority`.
        public var certificateAuthority: String?
        /// `insecure-skip-tls-verify`: accept any server certificate.
        public var insecureSkipTLSVerify: Bool
        /// `tls-server-name`: the name to verify the server certificate against instead of the URL's host.
        public var tlsServerName: String?

        /// Creates a cluster entry.
        public init(
            server: String, certificateAuthorityData: [UInt8]? = nil, certificateAuthority: String? = nil,
            insecureSkipTLSVerify: Bool = false, tlsServerName: String? = nil
        ) {
            self.server = server
            self.certificateAuthorityData = certificateAuthorityData
            self.certificateAuthority = certificateAuthority
            self.insecureSkipTLSVerify = insecureSkipTLSVerify
            self.tlsServerName = tlsServerName
        }
    }

    /// A set of credentials.
    public struct User: Sendable, Hashable {
        /// A bearer token.
        public var token: String?
        /// A file holding a bearer token, re-read when it changes.
        public var tokenFile: String?
        /// The client certificate (PEM) from `client-certificate-data`.
        public var clientCertificateData: [UInt8]?
        /// The client certificate's file, from `client-certificate`.
        public var clientCertificate: String?
        /// The client key (PEM) from `client-key-data`.
        public var clientKeyData: [UInt8]?
        /// The client key's file, from `client-key`.
        public var clientKey: String?
        /// A user name for basic authentication.
        public var username: String?
        /// A password for basic authentication.
        public var password: String?
        /// A credential plugin to run for a token or client certificate.
        public var exec: ExecConfig?

        /// Creates a user entry.
        public init(
            token: String? = nil, tokenFile: String? = nil, clientCertificateData: [UInt8]? = nil,
            clientCertificate: String? = nil, clientKeyData: [UInt8]? = nil, clientKey: String? = nil,
            username: String? = nil, password: String? = nil, exec: ExecConfig? = nil
        ) {
            self.token = token
            self.tokenFile = tokenFile
            self.clientCertificateData = clientCertificateData
            self.clientCertificate = clientCertificate
            self.clientKeyData = clientKeyData
            self.clientKey = clientKey
            self.username = username
            self.password = password
            self.exec = exec
        }
    }

    /// A cluster, a user and a default namespace under one name.
    public struct Context: Sendable, Hashable {
        /// The cluster's name.
        public var cluster: String
        /// The user's name; `nil` for anonymous access.
        public var user: String?
        /// The namespace requests default to; `nil` means `default`.
        public var namespace: String?

        /// Creates a context entry.
        public init(cluster: String, user: String? = nil, namespace: String? = nil) {
            self.cluster = cluster
            self.user = user
            self.namespace = namespace
        }
    }
}

/// How to run a client-go credential plugin (`users[].user.exec`).
public struct ExecConfig: Sendable, Hashable {
    /// The program: a name looked up on `PATH`, or a path (relative ones resolved against the kubeconfig's folder).
    public var command: String
    /// The arguments, passed as they are (no shell).
    public var args: [String]
    /// Extra environment variables for the plugin, in order.
    public var env: [EnvironmentVariable]
    /// The `ExecCredential` version the plugin speaks: `client.authentication.k8s.io/v1` or `…/v1beta1`.
    public var apiVersion: String
    /// Shown when the command is missing.
    public var installHint: String?
    /// Whether the plugin is told the cluster's server and CA in `KUBERNETES_EXEC_INFO`.
    public var provideClusterInfo: Bool

    /// Creates a plugin configuration.
    public init(
        command: String, args: [String] = [], env: [EnvironmentVariable] = [],
        apiVersion: String = "client.authentication.k8s.io/v1", installHint: String? = nil,
        provideClusterInfo: Bool = false
    ) {
        self.command = command
        self.args = args
        self.env = env
        self.apiVersion = apiVersion
        self.installHint = installHint
        self.provideClusterInfo = provideClusterInfo
    }

    /// One environment variable for the plugin.
    public struct EnvironmentVariable: Sendable, Hashable, Codable {
        /// Its name.
        public var name: String
        /// Its value.
        public var value: String

        /// Creates an environment variable.
        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }
}
