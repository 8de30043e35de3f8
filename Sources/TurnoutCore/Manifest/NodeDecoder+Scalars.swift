import Foundation
import Yams

extension NodeDecoder {
    /// What a scalar node denotes, after tags and plain-scalar resolution.
    enum ScalarShape: Equatable {
        case null
        case bool(Bool)
        case int
        case float
        case string

        /// The shape of `scalar`: explicit core tags win; untagged plain scalars resolve like
        /// Yams' default resolver; quoted and block scalars are strings.
        init(_ scalar: Node.Scalar) {
            let isPlain: Bool
            switch scalar.style {
            case .any, .plain: isPlain = true
            case .singleQuoted, .doubleQuoted, .literal, .folded: isPlain = false
            }
            switch scalar.tag.rawValue {
            case Tag.Name.str.rawValue, "!":
                self = .string
            case Tag.Name.null.rawValue:
                self = .null
            case Tag.Name.bool.rawValue:
                self = PlainScalar.boolValue(scalar.string).map(ScalarShape.bool) ?? .string
            case Tag.Name.int.rawValue:
                self = PlainScalar.isInteger(Array(scalar.string.utf8)) ? .int : .string
            case Tag.Name.float.rawValue:
                self = PlainScalar.double(scalar.string) != nil ? .float : .string
            default:
                self = isPlain ? ScalarShape(kind: PlainScalar.kind(of: scalar.string)) : .string
            }
        }

        private init(kind: PlainScalar.Kind) {
            switch kind {
            case .null: self = .null
            case .bool(let value): self = .bool(value)
            case .int: self = .int
            case .float: self = .float
            case .string: self = .string
            }
        }

        /// Whether `node` is a null scalar.
        static func isNull(_ node: Node) -> Bool {
            if case .scalar(let scalar) = node { return ScalarShape(scalar) == .null }
            return false
        }
    }

    /// What a decode call wanted, for messages.
    enum Expectation {
        case string, integer, number, bool, mapping, list, url

        var phrase: String {
            switch self {
            case .string: return "a string"
            case .integer: return "an integer"
            case .number: return "a number"
            case .bool: return "true or false"
            case .mapping: return "a mapping"
            case .list: return "a list"
            case .url: return "a URL"
            }
        }
    }

    /// How `node` reads in a message: `a mapping`, `the string "x"`, `the integer 10`, `null`.
    static func describe(_ node: Node) -> String {
        switch node {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        case .scalar(let scalar):
            switch ScalarShape(scalar) {
            case .null: return "null"
            case .bool: return "the boolean \(scalar.string)"
            case .int: return "the integer \(scalar.string)"
            case .float: return "the number \(scalar.string)"
            case .string: return "the string \"\(excerpt(scalar.string))\""
            }
        }
    }

    /// A short, single-line excerpt of `text` for messages.
    static func excerpt(_ text: String) -> String {
        var result = text.replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n")
            .replacingOccurrences(of: "\t", with: "\\t")
        if result.count > 40 {
            result = String(result.prefix(37)) + "..."
        }
        return result
    }
}

extension NodeDecoder.Session {
    typealias ScalarShape = NodeDecoder.ScalarShape
    typealias Expectation = NodeDecoder.Expectation

    /// The problem "expected X, got Y" at `node`, with the obvious fix when there is one.
    func mismatch(_ expected: Expectation, _ node: Node, _ path: FieldPath) -> NodeDecoder.Problem {
        var fix: String?
        switch expected {
        case .list:
            switch node {
            case .mapping:
                fix = "start each list item with `- `"
            case .scalar(let scalar) where ScalarShape(scalar) != .null:
                fix = "start each list item with `- `"
            case .scalar, .sequence, .alias:
                break
            }
        case .mapping:
            if case .scalar(let scalar) = node, ScalarShape(scalar) == .string,
               scalar.string.contains(":"), !scalar.string.contains(": ") {
                fix = "put a space after `:` to make it a field"
            }
        case .integer:
            if case .scalar(let scalar) = node, isQuoted(scalar), PlainScalar.integer(scalar.string) != nil {
                fix = "remove the quotes"
            }
        case .number:
            if case .scalar(let scalar) = node, isQuoted(scalar), PlainScalar.double(scalar.string) != nil {
                fix = "remove the quotes"
            }
        case .bool:
            if case .scalar(let scalar) = node, isQuoted(scalar), PlainScalar.boolValue(scalar.string) != nil {
                fix = "remove the quotes"
            }
        case .string, .url:
            break
        }
        return NodeDecoder.Problem(
            mark: node.mark,
            path: path,
            message: "expected \(expected.phrase), got \(NodeDecoder.describe(node))",
            fix: fix
        )
    }

    private func isQuoted(_ scalar: Node.Scalar) -> Bool {
        switch scalar.style {
        case .singleQuoted, .doubleQuoted: return true
        case .any, .plain, .literal, .folded: return false
        }
    }

    /// Throws the right error for `node` not being `expected`: a missing value for null.
    func fail<T>(_ expected: Expectation, _ node: Node, _ path: FieldPath, as type: T.Type) -> DecodingError {
        let problem = mismatch(expected, node, path)
        return ScalarShape.isNull(node) ? problem.valueNotFound(type) : problem.typeMismatch(type)
    }

    func decodeString(_ node: Node, _ path: FieldPath) throws -> String {
        guard case .scalar(let scalar) = node, ScalarShape(scalar) != .null else {
            throw fail(.string, node, path, as: String.self)
        }
        return scalar.string
    }

    func decodeBool(_ node: Node, _ path: FieldPath) throws -> Bool {
        guard case .scalar(let scalar) = node, case .bool(let value) = ScalarShape(scalar) else {
            throw fail(.bool, node, path, as: Bool.self)
        }
        return value
    }

    func decodeInteger<I: FixedWidthInteger>(_ type: I.Type, _ node: Node, _ path: FieldPath) throws -> I {
        guard case .scalar(let scalar) = node, ScalarShape(scalar) == .int else {
            throw fail(.integer, node, path, as: type)
        }
        guard let value = PlainScalar.integer(scalar.string)?.exactly(I.self) else {
            throw NodeDecoder.Problem(
                mark: node.mark,
                path: path,
                message: "expected an integer from \(I.min) to \(I.max), got \(scalar.string)"
            ).dataCorrupted()
        }
        return value
    }

    func decodeDouble(_ node: Node, _ path: FieldPath) throws -> Double {
        guard case .scalar(let scalar) = node else { throw fail(.number, node, path, as: Double.self) }
        switch ScalarShape(scalar) {
        case .int, .float:
            if let value = PlainScalar.double(scalar.string) { return value }
        case .null, .bool, .string:
            break
        }
        throw fail(.number, node, path, as: Double.self)
    }

    func decodeFloat(_ node: Node, _ path: FieldPath) throws -> Float {
        let value = try decodeDouble(node, path)
        let narrowed = Float(value)
        if value.isFinite, !narrowed.isFinite {
            throw NodeDecoder.Problem(mark: node.mark, path: path, message: "the number \(value) is too large").dataCorrupted()
        }
        return narrowed
    }

    func decodeDecimal(_ node: Node, _ path: FieldPath) throws -> Decimal {
        guard case .scalar(let scalar) = node else { throw fail(.number, node, path, as: Decimal.self) }
        switch ScalarShape(scalar) {
        case .int:
            if let integer = PlainScalar.integer(scalar.string) {
                let magnitude = Decimal(integer.magnitude)
                return integer.isNegative ? -magnitude : magnitude
            }
        case .float:
            let cleaned = scalar.string.replacingOccurrences(of: "_", with: "")
            if let value = Decimal(string: cleaned, locale: Locale(identifier: "en_US_POSIX")) { return value }
            if let value = PlainScalar.double(scalar.string), value.isFinite { return Decimal(value) }
        case .null, .bool, .string:
            break
        }
        throw fail(.number, node, path, as: Decimal.self)
    }

    func decodeURL(_ node: Node, _ path: FieldPath) throws -> URL {
        let text = try decodeString(node, path)
        guard let url = URL(string: text) else {
            throw fail(.url, node, path, as: URL.self)
        }
        return url
    }

    /// Decodes `type` directly when it is a scalar type this decoder reads itself;
    /// nil for every other type.
    func decodeScalarType<T>(_ type: T.Type, _ node: Node, _ path: FieldPath) throws -> T? {
        if type == String.self { return try decodeString(node, path) as? T }
        if type == Bool.self { return try decodeBool(node, path) as? T }
        if type == Double.self { return try decodeDouble(node, path) as? T }
        if type == Float.self { return try decodeFloat(node, path) as? T }
        if let integerType = type as? any FixedWidthInteger.Type {
            return try decodeInteger(integerType, node, path) as? T
        }
        if type == Decimal.self { return try decodeDecimal(node, path) as? T }
        if type == URL.self { return try decodeURL(node, path) as? T }
        return nil
    }
}
