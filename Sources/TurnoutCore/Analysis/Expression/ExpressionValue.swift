/// A value a condition expression works on: a measurement `result`, a literal, or an intermediate value.
///
/// Numbers are one type (`Double`), as in JSON; integers are exact up to 2^53.
public enum ExpressionValue: Sendable, Hashable {
    /// `nil` (also written `null`), or a missing map member.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A number; integers and floats alike.
    case number(Double)
    /// A string.
    case string(String)
    /// A list of values.
    case array([ExpressionValue])
    /// A map with string keys.
    case object([String: ExpressionValue])

    /// The type's name as error messages spell it: `nil`, `bool`, `number`, `string`, `array` or `map`.
    public var typeName: String {
        switch self {
        case .null: "nil"
        case .bool: "bool"
        case .number: "number"
        case .string: "string"
        case .array: "array"
        case .object: "map"
        }
    }

    /// Whether this is `nil`.
    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// The boolean, when this is a boolean.
    public var boolValue: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }

    /// The number, when this is a number.
    public var numberValue: Double? {
        if case .number(let value) = self { return value }
        return nil
    }

    /// The string, when this is a string.
    public var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// The elements, when this is an array.
    public var arrayValue: [ExpressionValue]? {
        if case .array(let value) = self { return value }
        return nil
    }

    /// The members, when this is a map.
    public var objectValue: [String: ExpressionValue]? {
        if case .object(let value) = self { return value }
        return nil
    }
}

extension ExpressionValue: CustomStringConvertible {
    /// The value written as an expression literal: `nil`, `true`, `0.95`, `"ok"`, `[1, 2]`, `{"a": 1}` (keys sorted).
    public var description: String {
        switch self {
        case .null: return "nil"
        case .bool(let value): return value ? "true" : "false"
        case .number(let value): return Self.format(value)
        case .string(let value): return Self.quote(value)
        case .array(let values): return "[" + values.map(\.description).joined(separator: ", ") + "]"
        case .object(let members):
            let rendered = members.keys.sorted().map { "\(Self.quote($0)): \(members[$0]!.description)" }
            return "{" + rendered.joined(separator: ", ") + "}"
        }
    }

    /// A number as Go prints a float64 with `%v`-like brevity: integers without a fraction, `+Inf`, `-Inf`, `NaN`.
    static func format(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value > 0 ? "+Inf" : "-Inf" }
        if value == value.rounded(.towardZero), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }

    /// A string in double quotes with quotes, backslashes and control characters escaped.
    static func quote(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    result += "\\x" + String(repeating: "0", count: 2 - hex.count) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}

extension ExpressionValue: ExpressibleByNilLiteral {
    /// `nil` as `.null`.
    public init(nilLiteral: ()) { self = .null }
}

extension ExpressionValue: ExpressibleByBooleanLiteral {
    /// A boolean literal as `.bool`.
    public init(booleanLiteral value: Bool) { self = .bool(value) }
}

extension ExpressionValue: ExpressibleByIntegerLiteral {
    /// An integer literal as `.number`.
    public init(integerLiteral value: Int) { self = .number(Double(value)) }
}

extension ExpressionValue: ExpressibleByFloatLiteral {
    /// A float literal as `.number`.
    public init(floatLiteral value: Double) { self = .number(value) }
}

extension ExpressionValue: ExpressibleByStringLiteral {
    /// A string literal as `.string`.
    public init(stringLiteral value: String) { self = .string(value) }
}

extension ExpressionValue: ExpressibleByArrayLiteral {
    /// An array literal as `.array`.
    public init(arrayLiteral elements: ExpressionValue...) { self = .array(elements) }
}

extension ExpressionValue: ExpressibleByDictionaryLiteral {
    /// A dictionary literal as `.object`; a repeated key keeps its last value.
    public init(dictionaryLiteral elements: (String, ExpressionValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
}
