import Foundation
import TurnoutTestSupport

/// Seeded random samples for judge tests: SplitMix64 for bits, Box-Muller for normals, and
/// log-normal latencies. The same seed gives the same samples on every platform.
struct SampleGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    /// The next 64 random bits (SplitMix64).
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform number in (0, 1), never 0 so its logarithm is finite.
    mutating func uniform() -> Double {
        (Double(next() >> 11) + 0.5) / 9_007_199_254_740_992
    }

    /// A standard normal number (Box-Muller, using the cosine branch).
    mutating func normal() -> Double {
        let radius = (-2 * log(uniform())).squareRoot()
        return radius * cos(2 * Double.pi * uniform())
    }

    /// `count` log-normal values with the given median and log-space spread: latency-shaped samples.
    mutating func logNormal(count: Int, median: Double, sigma: Double) -> [Double] {
        (0..<count).map { _ in median * exp(sigma * normal()) }
    }

    /// `count` values that are 1 with probability `rate` and 0 otherwise: per-request errors.
    mutating func bernoulli(count: Int, rate: Double) -> [Double] {
        (0..<count).map { _ in uniform() < rate ? 1 : 0 }
    }
}
