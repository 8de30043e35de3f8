/// Regular expressions the routers write where a match is not exact (ingress-nginx's `canary-by-header-pattern`,
/// Gateway API's `RegularExpression` matches).
enum RegexPattern {
    /// `text` with the characters a regular expression gives meaning to escaped.
    static func escaped(_ text: String) -> String {
        var escaped = ""
        for character in text {
            if "\\^$.|?*+()[]{}".contains(character) { escaped.append("\\") }
            escaped.append(character)
        }
        return escaped
    }

    /// A pattern matching every value that starts with `prefix`.
    static func prefix(_ prefix: String) -> String {
        "^" + escaped(prefix) + ".*"
    }
}
