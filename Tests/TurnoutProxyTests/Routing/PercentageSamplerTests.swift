import Testing
@testable import TurnoutProxy

@Suite struct PercentageSamplerTests {
    @Test(arguments: [0, 1, 10, 25, 33, 50, 99, 100])
    func samplesAnExactShare(percentage: Int) {
        var sampler = PercentageSampler(percentage: percentage)
        let picks = (0..<1_000).filter { _ in sampler.shouldSample() }.count
        #expect(picks == percentage * 10)
    }

    @Test func clampsOutOfRangeValues() {
        #expect(PercentageSampler(percentage: 150).percentage == 100)
        #expect(PercentageSampler(percentage: -5).percentage == 0)
    }
}
