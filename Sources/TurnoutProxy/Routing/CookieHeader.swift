import NIOHTTP1

/// Reads one cookie from a request's `Cookie` headers (RFC 6265: `name=value` pairs separated by `;`).
public enum CookieHeader {
    /// The value of the first cookie named `name`, or `nil` when no `Cookie` header carries it.
    public static func value(named name: String, in headers: HTTPHeaders) -> Substring? {
        for (headerName, headerValue) in headers where HeaderName.equals(headerName, "cookie") {
            if let value = value(named: name, inHeaderValue: headerValue) { return value }
        }
        return nil
    }

    /// The value of the cookie named `name` in one `Cookie` header value.
    public static func value(named name: String, inHeaderValue headerValue: String) -> Substring? {
        for pair in headerValue.split(separator: ";", omittingEmptySubsequences: true) {
            let trimmed = pair.drop(while: { $0 == " " || $0 == "\t" })
            guard let equals = trimmed.firstIndex(of: "=") else { continue }
            guard trimmed[..<equals].utf8.elementsEqual(name.utf8) else { continue }
            var value = trimmed[trimmed.index(after: equals)...]
            while let last = value.last, last == " " || last == "\t" { value = value.dropLast() }
            if value.count >= 2, value.first == "\"", value.last == "\"" {
                value = value.dropFirst().dropLast()
            }
            return value
        }
        return nil
    }
}
