import Testing
import TurnoutCore

@Suite struct CanaryMetricComparisonTests {
    /// Latency criteria: slower is worse, up to 10 % slower is tolerated.
    static let latency = CanaryMetricCriteria(direction: .increase, allowedIncrease: 1.1, allowedDecrease: 0.9)

    @Test(arguments: 1...20)
    func canaryThirtyPercentSlowerIsHigh(seed: Int) throws {
        var generator = SampleGenerator(seed: UInt64(seed))
        let stable = generator.logNormal(count: 200, median: 100, sigma: 0.4)
        let canary = generator.logNormal(count: 200, median: 130, sigma: 0.4)
        let comparison = CanaryMetricComparison(canary: canary, stable: stable, criteria: Self.latency)
        #expect(comparison.classification == .high, "\(comparison.reason)")
        #expect(try #require(comparison.test).pValue < 0.02)
        #expect(try #require(comparison.effectSize) > 1.1)
    }

    @Test(arguments: 1...20)
    func identicalDistributionPasses(seed: Int) {
        var generator = SampleGenerator(seed: UInt64(seed) &+ 1_000)
        let stable = generator.logNormal(count: 200, median: 100, sigma: 0.4)
        let canary = generator.logNormal(count: 200, median: 100, sigma: 0.4)
        let either = CanaryMetricCriteria(direction: .either, allowedIncrease: 1.1, allowedDecrease: 0.9)
        #expect(CanaryMetricComparison(canary: canary, stable: stable, criteria: either).classification == .pass)
    }

    @Test func identicalSamplesPass() throws {
        let values: [Double] = [12, 15, 15, 18, 21, 30]
        let comparison = CanaryMetricComparison(canary: values, stable: values)
        #expect(comparison.classification == .pass)
        #expect(try #require(comparison.test).pValue == 1)
        #expect(comparison.effectSize == 1)
    }

    @Test func fasterCanaryPassesWhenOnlySlowerIsBad() {
        var generator = SampleGenerator(seed: 7)
        let stable = generator.logNormal(count: 200, median: 100, sigma: 0.4)
        let canary = generator.logNormal(count: 200, median: 70, sigma: 0.4)
        let slowerIsBad = CanaryMetricComparison(canary: canary, stable: stable, criteria: Self.latency)
        #expect(slowerIsBad.classification == .pass)
        #expect(slowerIsBad.reason.contains("does not count against it"))
        var either = Self.latency
        either.direction = .either
        #expect(CanaryMetricComparison(canary: canary, stable: stable, criteria: either).classification == .low)
        var fasterIsBad = Self.latency
        fasterIsBad.direction = .decrease
        #expect(CanaryMetricComparison(canary: canary, stable: stable, criteria: fasterIsBad).classification == .low)
    }

    @Test func significantShiftWithinToleranceStillPasses() throws {
        var generator = SampleGenerator(seed: 11)
        let stable = generator.logNormal(count: 2_000, median: 100, sigma: 0.4)
        let canary = generator.logNormal(count: 2_000, median: 105, sigma: 0.4)
        let comparison = CanaryMetricComparison(canary: canary, stable: stable, criteria: Self.latency)
        #expect(try #require(comparison.test).pValue < 0.02)
        #expect(comparison.classification == .pass)
        #expect(comparison.reason.contains("within the allowed increase"))
        let strict = CanaryMetricCriteria(direction: .increase)
        #expect(CanaryMetricComparison(canary: canary, stable: stable, criteria: strict).classification == .high)
    }

    @Test func errorRateTwentyPercentIsHigh() {
        var generator = SampleGenerator(seed: 3)
        let stable = generator.bernoulli(count: 500, rate: 0.01)
        let canary = generator.bernoulli(count: 500, rate: 0.2)
        let criteria = CanaryMetricCriteria(direction: .increase, allowedIncrease: 1.5)
        let comparison = CanaryMetricComparison(canary: canary, stable: stable, criteria: criteria)
        #expect(comparison.classification == .high)
        #expect(comparison.test?.method == .normalApproximation)
    }

    @Test func smallSamplesUseTheExactTest() throws {
        let comparison = CanaryMetricComparison(canary: [6, 7, 8, 9, 10], stable: [1, 2, 3, 4, 5])
        let test = try #require(comparison.test)
        #expect(test.method == .exact)
        #expect(test.u == 25)
        #expect(abs(test.pValue - 2.0 / 252) < 1e-15)
        #expect(comparison.classification == .high)
        #expect(abs(try #require(comparison.effectSize) - 8.0 / 3) < 1e-12)
        #expect(comparison.reason == "canary is higher (p = 0.007937, mean ratio 2.667 > allowed 1)")
        // Four values a side can never reach p < 0.02: the smallest two-sided p is 2/70.
        let four = CanaryMetricCriteria(minimumSampleCount: 4)
        #expect(CanaryMetricComparison(canary: [6, 7, 8, 9], stable: [1, 2, 3, 4], criteria: four).classification == .pass)
    }

    @Test(arguments: [
        ([1, 2, 3, 4] as [Double], [1, 2, 3, 4, 5] as [Double], 4, 5),
        ([1, 2, 3, 4, 5], [], 5, 0),
        ([1, 2, .nan, .infinity, 5, 6], [1, 2, 3, 4, 5], 4, 5),
    ])
    func tooFewFiniteValuesIsNoData(canary: [Double], stable: [Double], canaryCount: Int, stableCount: Int) {
        let comparison = CanaryMetricComparison(canary: canary, stable: stable)
        #expect(comparison.classification == .noData)
        #expect(comparison.canaryCount == canaryCount && comparison.stableCount == stableCount)
        #expect(comparison.test == nil && comparison.effectSize == nil)
        #expect(comparison.reason == "too few values to compare: canary \(canaryCount), stable \(stableCount), need 5 each")
    }

    @Test(arguments: [
        (110.0, 100.0, 1.1), (90, 100, 0.9), (0, 0, 1), (1, 0, .infinity), (-1, 0, -.infinity), (-90, -100, 1.1), (-110, -100, 0.9),
    ])
    func effectSizeIsTheRatioOfMeans(canaryMean: Double, stableMean: Double, expected: Double) {
        let canary = Array(repeating: canaryMean, count: 5) + [canaryMean]
        let stable = Array(repeating: stableMean, count: 6)
        let effect = CanaryMetricComparison(canary: canary, stable: stable).effectSize
        if expected.isFinite {
            #expect(abs((effect ?? .nan) - expected) < 1e-12)
        } else {
            #expect(effect == expected)
        }
    }
}
