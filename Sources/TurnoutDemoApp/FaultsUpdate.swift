/// The body of `PUT /faults`: each field present replaces the current value, each absent one is kept.
public struct FaultsUpdate: Sendable, Hashable, Codable {
    /// New share of failing `/color` requests (0…1), or `nil` to keep the current one.
    public var errorRate: Double?
    /// New added delay in milliseconds, or `nil` to keep the current one.
    public var latencyMs: Int?

    /// Creates an update; `nil` fields keep their current values.
    public init(errorRate: Double? = nil, latencyMs: Int? = nil) {
        self.errorRate = errorRate
        self.latencyMs = latencyMs
    }
}
