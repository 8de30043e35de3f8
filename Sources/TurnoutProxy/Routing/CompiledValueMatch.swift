/// A `ValueMatch` ready to evaluate: the regular expression compiled once, not per request.
///
/// Not `Sendable` on purpose: each event loop compiles its own copy when a route table is installed.
struct CompiledValueMatch {
    private enum Matcher {
        case exact(String)
        case prefix(String)
        case regex(Regex<AnyRegexOutput>)
    }

    private let matcher: Matcher

    /// Compiles `match`; throws when the regular expression is invalid.
    init(_ match: ValueMatch) throws {
        switch match {
        case .exact(let value): matcher = .exact(value)
        case .prefix(let value): matcher = .prefix(value)
        case .regex(let pattern): matcher = .regex(try Regex(pattern))
        }
    }

    /// Whether `value` satisfies the condition.
    func matches(_ value: Substring) -> Bool {
        switch matcher {
        case .exact(let expected): return value.utf8.elementsEqual(expected.utf8)
        case .prefix(let prefix): return value.utf8.starts(with: prefix.utf8)
        case .regex(let regex): return (try? regex.wholeMatch(in: value)) != nil
        }
    }

    /// Whether `value` satisfies the condition.
    func matches(_ value: String) -> Bool {
        matches(value[...])
    }
}
