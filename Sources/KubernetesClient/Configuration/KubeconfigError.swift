/// Why a client configuration could not be built from a kubeconfig or the in-cluster environment.
public enum KubeconfigError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A file could not be read.
    case unreadableFile(path: String, message: String)
    /// A kubeconfig file is not valid YAML of the expected shape.
    case malformed(path: String, message: String)
    /// No context was named and the kubeconfig has no `current-context`.
    case noCurrentContext
    /// The named context is not defined.
    case unknownContext(String)
    /// A context names a cluster that is not defined.
    case unknownCluster(context: String, cluster: String)
    /// A context names a user that is not defined.
    case unknownUser(context: String, user: String)
    /// A cluster's `server` is not an `http` or `https` URL.
    case invalidServer(cluster: String, server: String)
    /// A certificate or key could not be parsed.
    case invalidCertificate(what: String, message: String)
    /// A user names only one of client certificate and key.
    case incompleteClientCertificate(user: String)
    /// Not running in a pod: the service-account environment is missing.
    case notInCluster(message: String)

    /// The message naming what was being loaded and what is wrong.
    public var description: String {
        switch self {
        case .unreadableFile(let path, let message): "read \(path): \(message)"
        case .malformed(let path, let message): "load kubeconfig \(path): \(message)"
        case .noCurrentContext: "load kubeconfig: no context named and no current-context set"
        case .unknownContext(let name): "load kubeconfig: context \"\(name)\" is not defined"
        case .unknownCluster(let context, let cluster):
            "load kubeconfig: context \"\(context)\" names cluster \"\(cluster)\", which is not defined"
        case .unknownUser(let context, let user):
            "load kubeconfig: context \"\(context)\" names user \"\(user)\", which is not defined"
        case .invalidServer(let cluster, let server):
            "load kubeconfig: cluster \"\(cluster)\" has server \"\(server)\", which is not an http(s) URL"
        case .invalidCertificate(let what, let message): "load \(what): \(message)"
        case .incompleteClientCertificate(let user):
            "load kubeconfig: user \"\(user)\" has a client certificate without a key, or a key without a certificate"
        case .notInCluster(let message): "load in-cluster configuration: \(message)"
        }
    }
}
