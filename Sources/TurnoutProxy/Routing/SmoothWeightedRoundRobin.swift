/// Smooth weighted round-robin (nginx's upstream algorithm): picks are spread evenly and are exact over time.
///
/// With weights 90 and 10, every run of 100 consecutive picks holds exactly 10 picks of the second item,
/// spaced evenly, so a canary share is exact after any number of requests, not only on average.
public struct SmoothWeightedRoundRobin: Sendable, Hashable {
    /// The weight of each item; an item with weight zero is never picked.
    public let weights: [Int]
    private var current: [Int]
    private let total: Int

    /// Creates a picker over items with these weights (negative weights count as zero).
    public init(weights: [Int]) {
        self.weights = weights.map { max(0, $0) }
        self.current = Array(repeating: 0, count: weights.count)
        self.total = self.weights.reduce(0, +)
    }

    /// Picks the next item's index; `nil` when every weight is zero.
    public mutating func next() -> Int? {
        guard total > 0 else { return nil }
        var best = -1
        var bestValue = Int.min
        for index in weights.indices {
            let weight = weights[index]
            if weight == 0 { continue }
            current[index] &+= weight
            if current[index] > bestValue {
                bestValue = current[index]
                best = index
            }
        }
        current[best] -= total
        return best
    }
}
