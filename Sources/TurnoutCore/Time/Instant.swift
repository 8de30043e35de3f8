/// A point in time as seconds since 1970-01-01T00:00:00Z; the core never reads a clock, it is given one of these.
public struct Instant: Sendable, Hashable, Comparable {
    /// Seconds since the Unix epoch.
    public var secondsSinceEpoch: Double

    /// Creates an instant.
    public init(secondsSinceEpoch: Double) {
        self.secondsSinceEpoch = secondsSinceEpoch
    }

    /// The instant `seconds` later.
    public func adding(seconds: Double) -> Instant {
        Instant(secondsSinceEpoch: secondsSinceEpoch + seconds)
    }

    /// Seconds from `other` to this instant.
    public func seconds(since other: Instant) -> Double {
        secondsSinceEpoch - other.secondsSinceEpoch
    }

    public static func < (lhs: Instant, rhs: Instant) -> Bool {
        lhs.secondsSinceEpoch < rhs.secondsSinceEpoch
    }
}

extension Instant: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let instant = Instant(rfc3339: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "expected an RFC 3339 time such as 2024-01-02T03:04:05Z, got \"\(text)\"")
        }
        self = instant
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rfc3339)
    }
}

extension Instant: CustomStringConvertible {
    public var description: String { rfc3339 }
}
