import Foundation
import NIOHTTP1

/// An HTTP request a provider sends, built as a value (tested without a server) before it is sent.
public struct ProviderRequest: Sendable {
    /// `GET`, `POST` or `PUT`.
    public var method: HTTPMethod
    /// The absolute URL.
    public var url: String
    /// Headers in order.
    public var headers: [(String, String)] {
        get { headerPairs.map { ($0.name, $0.value) } }
        set { headerPairs = newValue.map { Header(name: $0.0, value: $0.1) } }
    }
    /// The body, if any.
    public var body: [UInt8]?
    /// Seconds before the request is abandoned.
    public var timeoutSeconds: Double
    /// Skip TLS certificate verification.
    public var isInsecure: Bool

    private var headerPairs: [Header]

    /// One header.
    private struct Header: Sendable, Hashable {
        var name: String
        var value: String
    }

    /// Creates a request.
    public init(method: HTTPMethod, url: String, headers: [(String, String)] = [], body: [UInt8]? = nil, timeoutSeconds: Double, isInsecure: Bool = false) {
        self.method = method
        self.url = url
        self.headerPairs = headers.map { Header(name: $0.0, value: $0.1) }
        self.body = body
        self.timeoutSeconds = timeoutSeconds
        self.isInsecure = isInsecure
    }

    /// The value of the first header with this name (case-insensitive).
    public func header(_ name: String) -> String? {
        headerPairs.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    /// Whether the URL is absolute http(s) with a host.
    var hasValidURL: Bool {
        let lower = url.lowercased()
        guard let scheme = ["http://", "https://"].first(where: { lower.hasPrefix($0) }) else { return false }
        let rest = lower.dropFirst(scheme.count)
        return !(rest.first.map { $0 == "/" || $0 == "?" || $0 == "#" } ?? true)
    }
}

/// A provider's HTTP answer.
public struct ProviderResponse: Sendable, Hashable {
    /// The status code.
    public var status: Int
    /// The body bytes.
    public var body: [UInt8]

    /// Creates a response.
    public init(status: Int, body: [UInt8]) {
        self.status = status
        self.body = body
    }

    /// The start of the body as text, for error messages.
    var excerpt: String {
        let text = String(decoding: body.prefix(200), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return body.count > 200 ? text + "…" : text
    }
}
