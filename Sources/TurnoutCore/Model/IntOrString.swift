/// A Kubernetes int-or-string value such as an analysis `count`, which may be `5` or `"{{args.count}}"`.
public enum IntOrString: Sendable, Hashable {
    /// A number.
    case int(Int)
    /// A string, usually holding an argument placeholder.
    case string(String)

    /// The number, parsing a string that holds one; `nil` otherwise.
    public var intValue: Int? {
        switch self {
        case .int(let value): return value
        case .string(let text): return Int(text)
        }
    }
}

extension IntOrString: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let number = try? container.decode(Int.self) {
            self = .int(number)
        } else {
            self = .string(try container.decode(String.self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .int(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        }
    }
}
