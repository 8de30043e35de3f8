/// Faults a demo-app instance injects into `/color`: a share of 500 answers and an added delay.
public struct Faults: Sendable, Hashable, Codable {
    /// Share of `/color` requests answered with 500, from 0 (none) to 1 (all).
    public var errorRate: Double
    /// Delay added before every `/color` answer, in milliseconds.
    public var latencyMs: Int

    /// No faults: every request succeeds at once.
    public static let none = Faults(unchecked: 0, latencyMs: 0)

    /// The largest accepted delay (one minute), so a typo cannot hang a client for hours.
    public static let maximumLatencyMs = 60_000

    /// Creates faults after checking their ranges; throws `DemoAppError.invalidFaults` when out of range.
    public init(errorRate: Double, latencyMs: Int) throws(DemoAppError) {
        guard errorRate.isFinite, (0...1).contains(errorRate) else {
            throw .invalidFaults("errorRate \(errorRate) is outside 0...1 (0.2 means 20% of requests fail)")
        }
        guard (0...Self.maximumLatencyMs).contains(latencyMs) else {
            throw .invalidFaults("latencyMs \(latencyMs) is outside 0...\(Self.maximumLatencyMs)")
        }
        self.errorRate = errorRate
        self.latencyMs = latencyMs
    }

    private init(unchecked errorRate: Double, latencyMs: Int) {
        self.errorRate = errorRate
        self.latencyMs = latencyMs
    }

    /// Decodes and range-checks faults.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let errorRate = try container.decodeIfPresent(Double.self, forKey: .errorRate) ?? 0
        let latencyMs = try container.decodeIfPresent(Int.self, forKey: .latencyMs) ?? 0
        try self.init(errorRate: errorRate, latencyMs: latencyMs)
    }

    /// These faults with the fields present in `update` replaced.
    public func applying(_ update: FaultsUpdate) throws(DemoAppError) -> Faults {
        try Faults(errorRate: update.errorRate ?? errorRate, latencyMs: update.latencyMs ?? latencyMs)
    }
}
