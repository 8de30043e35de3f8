import Foundation

/// A duration written as seconds (`60`) or a Go-style string (`"30s"`, `"5m"`, `"1h30m"`, `"500ms"`).
///
/// In an analysis metric it may also be an argument placeholder (`"{{args.interval}}"`), as Argo substitutes the
/// whole metric before parsing it: such a value decodes with `isArgumentPlaceholder` set and 0 seconds, and
/// becomes a real duration once `Metric.substitutingArguments` has run.
public struct DurationValue: Sendable, Hashable {
    /// The duration in seconds.
    public var seconds: Double
    /// The text as written, kept so output matches the manifest.
    public var text: String

    /// Creates a duration from seconds.
    public init(seconds: Double) {
        self.seconds = seconds
        self.text = seconds == seconds.rounded() ? "\(Int(seconds))s" : "\(seconds)s"
    }

    /// Parses `"30s"`, `"5m"`, `"1h30m"`, `"250ms"` or a bare number of seconds; `nil` when malformed or negative.
    public init?(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let plain = Double(trimmed), plain >= 0, plain.isFinite {
            self.seconds = plain
            self.text = trimmed
            return
        }
        let units: [(String, Double)] = [("ms", 0.001), ("h", 3600), ("m", 60), ("s", 1)]
        var rest = Substring(trimmed)
        var total = 0.0
        guard !rest.isEmpty else { return nil }
        while !rest.isEmpty {
            let number = rest.prefix { $0.isNumber || $0 == "." }
            guard !number.isEmpty, let value = Double(number) else { return nil }
            rest = rest.dropFirst(number.count)
            guard let (unit, factor) = units.first(where: { rest.hasPrefix($0.0) }) else { return nil }
            rest = rest.dropFirst(unit.count)
            total += value * factor
        }
        self.seconds = total
        self.text = trimmed
    }
}

extension DurationValue {
    /// Whether the text holds a `{{args.NAME}}` placeholder still to be substituted (then `seconds` is 0).
    public var isArgumentPlaceholder: Bool {
        !ArgumentPlaceholders.placeholders(in: text).isEmpty
    }

    /// A duration whose text is an argument placeholder, waiting for substitution.
    init(placeholder text: String) {
        self.seconds = 0
        self.text = text
    }
}

extension DurationValue: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let number = try? container.decode(Int.self) {
            guard number >= 0 else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "a duration cannot be negative, got \(number)")
            }
            self.seconds = Double(number)
            self.text = "\(number)"
            return
        }
        let text = try container.decode(String.self)
        if !ArgumentPlaceholders.placeholders(in: text).isEmpty {
            self = DurationValue(placeholder: text)
            return
        }
        guard let parsed = DurationValue(text) else {
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription: "expected a duration such as 30, \"30s\", \"5m\" or \"1h\", got \"\(text)\""
            )
        }
        self = parsed
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if !isArgumentPlaceholder, let whole = Int(exactly: seconds), text == "\(whole)" {
            try container.encode(whole)
        } else {
            try container.encode(text)
        }
    }
}

extension DurationValue: CustomStringConvertible {
    public var description: String { text }

    /// The duration for people: as written, with `s` added to a bare number of seconds.
    public var displayText: String {
        Double(text) != nil ? "\(text)s" : text
    }
}
