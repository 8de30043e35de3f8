/// An active health check: `GET path` every `interval`; an upstream is in after `healthyThreshold` passes in a row
/// and out after `unhealthyThreshold` failures in a row.
///
/// A probe passes when a response head with a status in `passingStatuses` arrives within `timeout`.
public struct HealthCheck: Sendable, Hashable {
    /// The path probed with `GET`, e.g. `/healthz`.
    public var path: String
    /// Time between the starts of two probes.
    public var interval: Duration
    /// How long one probe may take (connect and response head).
    public var timeout: Duration
    /// Consecutive passes that take an upstream in.
    public var healthyThreshold: Int
    /// Consecutive failures that take an upstream out.
    public var unhealthyThreshold: Int
    /// Statuses that count as a pass (by default 200…399).
    public var passingStatuses: ClosedRange<Int>

    /// Creates a health check.
    public init(
        path: String = "/",
        interval: Duration = .seconds(2),
        timeout: Duration = .seconds(1),
        healthyThreshold: Int = 1,
        unhealthyThreshold: Int = 2,
        passingStatuses: ClosedRange<Int> = 200...399
    ) {
        self.path = path
        self.interval = interval
        self.timeout = timeout
        self.healthyThreshold = healthyThreshold
        self.unhealthyThreshold = unhealthyThreshold
        self.passingStatuses = passingStatuses
    }
}

extension HealthCheck: Codable {
    private enum CodingKeys: String, CodingKey {
        case path, intervalMilliseconds, timeoutMilliseconds, healthyThreshold, unhealthyThreshold, passingStatusMin, passingStatusMax
    }

    /// Decodes durations as milliseconds; missing fields take their defaults.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = HealthCheck()
        let low = try container.decodeIfPresent(Int.self, forKey: .passingStatusMin) ?? defaults.passingStatuses.lowerBound
        let high = try container.decodeIfPresent(Int.self, forKey: .passingStatusMax) ?? defaults.passingStatuses.upperBound
        guard low <= high else {
            throw DecodingError.dataCorruptedError(forKey: .passingStatusMax, in: container, debugDescription: "passingStatusMax must not be below passingStatusMin")
        }
        self.init(
            path: try container.decodeIfPresent(String.self, forKey: .path) ?? defaults.path,
            interval: .milliseconds(try container.decodeIfPresent(Int.self, forKey: .intervalMilliseconds) ?? 2_000),
            timeout: .milliseconds(try container.decodeIfPresent(Int.self, forKey: .timeoutMilliseconds) ?? 1_000),
            healthyThreshold: try container.decodeIfPresent(Int.self, forKey: .healthyThreshold) ?? defaults.healthyThreshold,
            unhealthyThreshold: try container.decodeIfPresent(Int.self, forKey: .unhealthyThreshold) ?? defaults.unhealthyThreshold,
            passingStatuses: low...high
        )
    }

    /// Encodes durations as milliseconds.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(path, forKey: .path)
        try container.encode(interval.milliseconds, forKey: .intervalMilliseconds)
        try container.encode(timeout.milliseconds, forKey: .timeoutMilliseconds)
        try container.encode(healthyThreshold, forKey: .healthyThreshold)
        try container.encode(unhealthyThreshold, forKey: .unhealthyThreshold)
        try container.encode(passingStatuses.lowerBound, forKey: .passingStatusMin)
        try container.encode(passingStatuses.upperBound, forKey: .passingStatusMax)
    }
}

extension Duration {
    /// The duration in whole milliseconds (rounded down).
    var milliseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1_000 + attoseconds / 1_000_000_000_000_000
    }

    /// The duration in whole nanoseconds (rounded down).
    var nanoseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }
}
