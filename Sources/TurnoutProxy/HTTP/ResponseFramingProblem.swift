/// Why an upstream response's body cannot be delimited safely (RFC 9112 §6.3): the proxy answers 502 and closes
/// the upstream connection instead of passing it on.
enum ResponseFramingProblem: Hashable, CustomStringConvertible {
    /// Both `Content-Length` and `Transfer-Encoding` (a sign of smuggling; nginx refuses it too).
    case contentLengthWithTransferEncoding
    /// A `Content-Length` that is not one non-negative integer, or several that disagree.
    case invalidContentLength
    /// A `Transfer-Encoding` other than a single `chunked` (the coding would be lost when re-framing).
    case unsupportedTransferEncoding

    /// One line for the log.
    var description: String {
        switch self {
        case .contentLengthWithTransferEncoding: return "response has both Content-Length and Transfer-Encoding"
        case .invalidContentLength: return "response Content-Length is invalid"
        case .unsupportedTransferEncoding: return "response Transfer-Encoding is not a single chunked"
        }
    }

    /// Whether `value` is a valid `Content-Length` field value: digits only, surrounded by optional spaces or tabs
    /// (no list, no sign, no whitespace inside).
    static func isValidContentLength(_ value: Substring) -> Bool {
        let trimmed = value.trimmingASCIIWhitespace()
        return !trimmed.isEmpty && trimmed.utf8.count <= 18 && trimmed.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }
}
