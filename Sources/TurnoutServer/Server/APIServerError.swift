/// Why the local API server cannot start.
public enum APIServerError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A non-loopback address was given without a token.
    case tokenRequired(host: String)
    /// The address is not `HOST:PORT`.
    case invalidAddress(String)
    /// The server stopped before it was listening, e.g. because the port is taken.
    case notStarted(address: String, reason: String)

    public var description: String {
        switch self {
        case .tokenRequired(let host):
            return "start the API on \(host): a non-loopback address needs a token (set TURNOUT_TOKEN or pass --token)"
        case .invalidAddress(let address):
            return "parse API address \(address): expected HOST:PORT, e.g. 127.0.0.1:7070"
        case .notStarted(let address, let reason):
            return "start the API on \(address): \(reason)"
        }
    }
}
