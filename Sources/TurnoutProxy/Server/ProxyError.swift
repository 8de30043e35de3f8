/// Errors of the proxy's control surface; each message names the action and the object.
public enum ProxyError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A listener could not bind its address.
    case bindFailed(listener: String, address: String, reason: String)
    /// A listen address could not be parsed or resolved.
    case invalidListenAddress(String)
    /// A route table was rejected; nothing was changed.
    case invalidRouteTable([String])
    /// An upstream's host name could not be resolved.
    case resolveFailed(upstream: String, reason: String)
    /// A listener with this name exists already.
    case duplicateListener(String)
    /// No listener has this name.
    case unknownListener(String)
    /// The server is not running (not started yet, or shut down).
    case notRunning
    /// A command-line argument could not be used.
    case invalidArgument(option: String, value: String, reason: String)

    /// A one-line message naming the failed action and its object.
    public var description: String {
        switch self {
        case .bindFailed(let listener, let address, let reason):
            return "bind listener \(listener) on \(address): \(reason)"
        case .invalidListenAddress(let address):
            return "parse listen address '\(address)': write host:port, e.g. 127.0.0.1:8080"
        case .invalidRouteTable(let problems):
            return "install route table: " + problems.joined(separator: "; ")
        case .resolveFailed(let upstream, let reason):
            return "resolve upstream \(upstream): \(reason)"
        case .duplicateListener(let name):
            return "add listener \(name): a listener with this name exists"
        case .unknownListener(let name):
            return "find listener \(name): no listener has this name"
        case .notRunning:
            return "use proxy server: it is not running (start it first)"
        case .invalidArgument(let option, let value, let reason):
            return "parse \(option) '\(value)': \(reason)"
        }
    }
}
