import Foundation

/// The subset of Kubernetes JSONPath that Argo's `web` provider users write in `jsonPath`:
/// `{$.data.ok}`, `{$.items[0].value}`, `{.data['p99']}`, `{$.items[*].value}`, `{$.data.*}`, `{$}`.
///
/// Braces and the leading `$` are optional. Selecting through a wildcard gives a list of every match;
/// without one, the single value. Filters (`?(@...)`), slices and recursive descent (`..`) are not supported
/// and fail to parse with a message saying so.
public struct JSONPath: Sendable, Hashable {
    /// One selection step.
    enum Step: Sendable, Hashable {
        /// A member of a map.
        case member(String)
        /// An element of a list; negative counts from the end.
        case index(Int)
        /// Every element of a list or every member of a map (in key order).
        case wildcard
    }

    /// The path as written.
    public let text: String
    private let steps: [Step]

    /// Parses a path; throws with the 1-based column of the first problem.
    public init(parsing text: String) throws(JSONPathError) {
        self.text = text
        var body = Array(text.trimmingCharacters(in: .whitespaces))
        var offset = text.prefix { $0 == " " }.count
        if body.first == "{" {
            guard body.last == "}" else { throw .syntax("missing closing '}'", column: text.count + 1) }
            body = Array(body.dropFirst().dropLast())
            offset += 1
        }
        var steps: [Step] = []
        var position = 0
        if body.first == "$" { position = 1 }
        while position < body.count {
            let column = offset + position + 1
            switch body[position] {
            case ".":
                position += 1
                if position < body.count, body[position] == "." {
                    throw .syntax("recursive descent '..' is not supported", column: column)
                }
                if position < body.count, body[position] == "*" {
                    steps.append(.wildcard)
                    position += 1
                    continue
                }
                let start = position
                while position < body.count, body[position] != ".", body[position] != "[" { position += 1 }
                guard position > start else { throw .syntax("expected a member name after '.'", column: column + 1) }
                steps.append(.member(String(body[start..<position])))
            case "[":
                guard let close = body[position...].firstIndex(of: "]") else { throw .syntax("missing closing ']'", column: column) }
                let inner = String(body[(position + 1)..<close]).trimmingCharacters(in: .whitespaces)
                if inner == "*" {
                    steps.append(.wildcard)
                } else if inner.count >= 2, let quote = inner.first, quote == "'" || quote == "\"", inner.last == quote {
                    steps.append(.member(String(inner.dropFirst().dropLast())))
                } else if let index = Int(inner) {
                    steps.append(.index(index))
                } else if inner.hasPrefix("?") {
                    throw .syntax("filter expressions are not supported", column: column + 1)
                } else {
                    throw .syntax("expected an index, '*' or a quoted name inside [], got '\(inner)'", column: column + 1)
                }
                position = close + 1
            default:
                if steps.isEmpty, position == 0 || (position == 1 && body.first == "$") {
                    // `data.ok` without a leading dot reads as `.data.ok`.
                    let start = position
                    while position < body.count, body[position] != ".", body[position] != "[" { position += 1 }
                    steps.append(.member(String(body[start..<position])))
                } else {
                    throw .syntax("unexpected '\(body[position])'", column: column)
                }
            }
        }
        self.steps = steps
    }

    /// The value the path selects: one value, or a list when a wildcard is used; throws `noMatch` when a step finds nothing.
    public func select(in document: JSONValue) throws(JSONPathError) -> JSONValue {
        var matches = [document]
        var usesWildcard = false
        for step in steps {
            var next: [JSONValue] = []
            for value in matches {
                switch (step, value) {
                case (.member(let name), .object(let members)):
                    if let member = members[name] { next.append(member) }
                case (.index(let index), .array(let elements)):
                    let position = index < 0 ? elements.count + index : index
                    if elements.indices.contains(position) { next.append(elements[position]) }
                case (.wildcard, .array(let elements)):
                    next += elements
                case (.wildcard, .object(let members)):
                    next += members.keys.sorted().compactMap { members[$0] }
                case (.member, _), (.index, _), (.wildcard, _):
                    break
                }
            }
            if case .wildcard = step { usesWildcard = true }
            matches = next
        }
        if usesWildcard { return .array(matches) }
        guard let single = matches.first else { throw .noMatch(text) }
        return single
    }
}

/// Why a `jsonPath` could not be parsed or selected nothing.
public enum JSONPathError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The path does not parse.
    case syntax(String, column: Int)
    /// The path selects nothing in the document.
    case noMatch(String)

    /// A sentence for measurement messages and lint.
    public var description: String {
        switch self {
        case .syntax(let message, let column): "\(message) at column \(column)"
        case .noMatch(let path): "jsonPath \(path) matches nothing in the response"
        }
    }
}
