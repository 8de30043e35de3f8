import TurnoutCore

/// Why a provider could not take a measurement; it becomes the message of a measurement in phase Error.
public enum ProviderError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The metric lacks a setting the provider needs.
    case notConfigured(String)
    /// The URL does not parse or uses a scheme other than http/https.
    case invalidURL(String)
    /// The request could not be sent or its answer read.
    case requestFailed(url: String, reason: String)
    /// No complete answer within the timeout.
    case timedOut(url: String, seconds: Double)
    /// The server answered with a status other than 2xx.
    case badStatus(url: String, status: Int, body: String)
    /// The answer is not the JSON expected.
    case badResponse(url: String, reason: String)
    /// Prometheus answered `status: error`.
    case queryFailed(errorType: String, error: String)
    /// `jsonPath` does not parse or selects nothing.
    case jsonPath(JSONPathError)
    /// The proxy has no traffic of the revision in the interval.
    case noTraffic(revision: String, seconds: Double?)

    /// A sentence naming what failed.
    public var description: String {
        switch self {
        case .notConfigured(let message): message
        case .invalidURL(let url): "invalid URL \"\(url)\": use http:// or https:// with a host"
        case .requestFailed(let url, let reason): "request to \(url) failed: \(reason)"
        case .timedOut(let url, let seconds): "request to \(url) timed out after \(format(seconds))s"
        case .badStatus(let url, let status, let body): "\(url) answered HTTP \(status)" + (body.isEmpty ? "" : ": \(body)")
        case .badResponse(let url, let reason): "unexpected answer from \(url): \(reason)"
        case .queryFailed(let errorType, let error): "query failed (\(errorType)): \(error)"
        case .jsonPath(let error): error.description
        case .noTraffic(let revision, let seconds):
            "no requests reached revision \(revision)" + (seconds.map { " in the last \(format($0))s" } ?? " yet")
        }
    }
}

/// A number of seconds without a needless fraction.
func format(_ seconds: Double) -> String {
    seconds == seconds.rounded() && abs(seconds) < 1e12 ? String(Int64(seconds)) : String(seconds)
}
