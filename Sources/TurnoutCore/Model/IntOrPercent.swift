import Foundation

/// A Kubernetes int-or-string quantity such as `maxSurge: 1` or `maxSurge: "25%"`.
public enum IntOrPercent: Sendable, Hashable {
    /// An absolute number of replicas.
    case count(Int)
    /// A percentage of the desired replicas.
    case percent(Int)

    /// The absolute value against `total`, rounding a percentage up or down.
    public func scaled(of total: Int, roundingUp: Bool) -> Int {
        switch self {
        case .count(let value):
            return value
        case .percent(let value):
            let product = value * total
            if roundingUp {
                return product >= 0 ? (product + 99) / 100 : product / 100
            }
            return product >= 0 ? product / 100 : (product - 99) / 100
        }
    }
}

extension IntOrPercent: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let count = try? container.decode(Int.self) {
            self = .count(count)
            return
        }
        let text = try container.decode(String.self)
        guard let parsed = IntOrPercent(text) else {
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription: "expected an integer or a percentage such as \"25%\", got \"\(text)\""
            )
        }
        self = parsed
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .count(let value): try container.encode(value)
        case .percent(let value): try container.encode("\(value)%")
        }
    }
}

extension IntOrPercent: CustomStringConvertible {
    /// Parses "25%" as a percentage; a bare number is accepted as a count.
    public init?(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.hasSuffix("%"), let value = Int(trimmed.dropLast()), value >= 0 {
            self = .percent(value)
        } else if let value = Int(trimmed), value >= 0 {
            self = .count(value)
        } else {
            return nil
        }
    }

    public var description: String {
        switch self {
        case .count(let value): return "\(value)"
        case .percent(let value): return "\(value)%"
        }
    }
}
