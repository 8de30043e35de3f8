import Foundation
import NIOHTTP1
import TurnoutCore

extension PrometheusMetric {
    /// Seconds a query may take when `timeout` is not set.
    static let defaultTimeoutSeconds = 10.0

    /// The HTTP request for this query at `now`: `GET {address}/api/v1/query?query=...&time=...`, or
    /// `/api/v1/query_range` with `start`, `end` and `step` when `rangeQuery` is set; `timeout` is sent to
    /// Prometheus too. Headers as written, then `Authorization` from `authentication` (basic or bearer).
    public func request(now: Instant) throws(ProviderError) -> ProviderRequest {
        guard let address = address?.trimmingCharacters(in: .whitespaces), !address.isEmpty else {
            throw .notConfigured("prometheus.address is not set")
        }
        guard let query, !query.allSatisfy(\.isWhitespace) else { throw .notConfigured("prometheus.query is not set") }
        let timeoutSeconds = Double(timeout.map { max($0, 1) } ?? Int(Self.defaultTimeoutSeconds))
        var parameters = [("query", query)]
        let path: String
        if let range = rangeQuery {
            let end = try Self.time(range.end ?? "now()", now: now, field: "rangeQuery.end")
            let start = try Self.time(range.start ?? "now() - 5m", now: now, field: "rangeQuery.start")
            let stepText = range.step ?? "1m"
            guard let step = DurationValue(stepText), step.seconds > 0 else {
                throw .notConfigured("prometheus.rangeQuery.step \"\(stepText)\" is not a duration such as 30s or 1m")
            }
            parameters += [("start", Self.timestamp(start)), ("end", Self.timestamp(end)), ("step", format(step.seconds))]
            path = "/api/v1/query_range"
        } else {
            parameters.append(("time", Self.timestamp(now)))
            path = "/api/v1/query"
        }
        parameters.append(("timeout", "\(format(timeoutSeconds))s"))
        let base = address.hasSuffix("/") ? String(address.dropLast()) : address
        let url = base + path + "?" + parameters.map { "\($0.0)=\(Self.formEncoded($0.1))" }.joined(separator: "&")
        var headers = (self.headers ?? []).map { ($0.key, $0.value) }
        if let basic = authentication?.basic {
            headers.append(("Authorization", "Basic " + Data("\(basic.username):\(basic.password)".utf8).base64EncodedString()))
        } else if let token = authentication?.bearerToken {
            headers.append(("Authorization", "Bearer \(token)"))
        }
        headers.append(("Accept", "application/json"))
        return ProviderRequest(method: .GET, url: url, headers: headers, timeoutSeconds: timeoutSeconds, isInsecure: insecure ?? false)
    }

    /// A range bound: `now()`, `now() - 5m`, `now() + 30s`, an RFC 3339 time, or Unix seconds.
    static func time(_ text: String, now: Instant, field: String) throws(ProviderError) -> Instant {
        let trimmed = text.replacingOccurrences(of: " ", with: "")
        if trimmed.hasPrefix("now()") {
            let rest = trimmed.dropFirst("now()".count)
            if rest.isEmpty { return now }
            let sign: Double = rest.first == "-" ? -1 : rest.first == "+" ? 1 : 0
            if sign != 0, let duration = DurationValue(String(rest.dropFirst())) {
                return now.adding(seconds: sign * duration.seconds)
            }
        } else if let seconds = Double(trimmed), seconds.isFinite {
            return Instant(secondsSinceEpoch: seconds)
        } else if let instant = Instant(rfc3339: trimmed) {
            return instant
        }
        throw .notConfigured("prometheus.\(field) \"\(text)\" is not a time: use now(), now() - 5m, an RFC 3339 time or Unix seconds")
    }

    /// Unix seconds with millisecond precision, as Prometheus takes them.
    static func timestamp(_ instant: Instant) -> String {
        String(format: "%.3f", instant.secondsSinceEpoch)
    }

    /// Percent-encodes everything but unreserved characters (so `+`, `&`, `=` and spaces survive form decoding).
    static func formEncoded(_ text: String) -> String {
        var unreserved = CharacterSet.alphanumerics
        unreserved.insert(charactersIn: "-._~")
        var result = ""
        for byte in text.utf8 {
            let scalar = Unicode.Scalar(byte)
            if byte < 0x80, unreserved.contains(scalar) {
                result.unicodeScalars.append(scalar)
            } else {
                result += String(format: "%%%02X", byte)
            }
        }
        return result
    }
}
