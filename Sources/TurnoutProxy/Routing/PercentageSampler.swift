/// Picks an exact percentage of events, evenly spaced (an error-diffusion counter, not a random draw).
///
/// With 25 %, every fourth event is picked; over any 100 consecutive events the count is exact to within one.
public struct PercentageSampler: Sendable, Hashable {
    /// The share of events picked, 0…100.
    public let percentage: Int
    private var accumulator = 0

    /// Creates a sampler picking `percentage` percent of events (clamped to 0…100).
    public init(percentage: Int) {
        self.percentage = min(100, max(0, percentage))
    }

    /// Whether the next event is picked.
    public mutating func shouldSample() -> Bool {
        accumulator += percentage
        if accumulator >= 100 {
            accumulator -= 100
            return true
        }
        return false
    }
}
