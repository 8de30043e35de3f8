import Foundation
import NIOHTTP1
import TurnoutCore

extension WebMetric {
    /// Seconds a request may take when `timeoutSeconds` is not set (Argo's default).
    static let defaultTimeoutSeconds = 10.0

    /// The HTTP request: `method` (GET, POST or PUT; GET by default), the URL, headers as written, and
    /// `body` as text or `jsonBody` as JSON (with `Content-Type: application/json` unless a header sets
    /// one). TLS certificates are verified unless `insecure: true`.
    public func request() throws(ProviderError) -> ProviderRequest {
        let method: HTTPMethod
        switch (self.method ?? "GET").uppercased() {
        case "GET": method = .GET
        case "POST": method = .POST
        case "PUT": method = .PUT
        default: throw .notConfigured("web.method \"\(self.method ?? "")\" is not supported; use GET, POST or PUT")
        }
        var headers = (self.headers ?? []).map { ($0.key, $0.value) }
        var body: [UInt8]?
        if let jsonBody {
            guard method != .GET else { throw .notConfigured("web.jsonBody needs method POST or PUT") }
            guard let data = try? JSONEncoder().encode(jsonBody) else { throw .notConfigured("web.jsonBody cannot be encoded as JSON") }
            body = Array(data)
            if !headers.contains(where: { $0.0.lowercased() == "content-type" }) { headers.append(("Content-Type", "application/json")) }
        } else if let text = self.body {
            guard method != .GET else { throw .notConfigured("web.body needs method POST or PUT") }
            body = Array(text.utf8)
        }
        let timeout = timeoutSeconds.map { Double(max($0, 1)) } ?? Self.defaultTimeoutSeconds
        return ProviderRequest(method: method, url: url.trimmingCharacters(in: .whitespaces), headers: headers, body: body, timeoutSeconds: timeout, isInsecure: insecure ?? false)
    }

    /// The value conditions see: the JSON answer, or what `jsonPath` selects in it. A non-2xx status,
    /// a body that is not JSON, or a path that selects nothing is an error.
    func result(of response: ProviderResponse, url: String) -> Result<JSONValue, ProviderError> {
        guard (200..<300).contains(response.status) else {
            return .failure(.badStatus(url: url, status: response.status, body: response.excerpt))
        }
        guard let document = try? JSONDecoder().decode(JSONValue.self, from: Data(response.body)) else {
            return .failure(.badResponse(url: url, reason: "the body is not JSON: \(response.excerpt)"))
        }
        guard let jsonPath, !jsonPath.allSatisfy(\.isWhitespace) else { return .success(document) }
        do throws(JSONPathError) {
            return .success(try JSONPath(parsing: jsonPath).select(in: document))
        } catch {
            return .failure(.jsonPath(error))
        }
    }
}
