import Testing

@testable import turnout

@Suite struct TrafficSampleTests {
    @Test(arguments: [
        // yellow, blue, failures, from (yellow %), to (yellow %), fits
        (160, 40, 0, 80, 80, true),
        (166, 34, 0, 80, 80, true),    // 83 %: within 3 points
        (172, 28, 0, 80, 80, false),   // 86 %: the CI flake, when only 80 % is allowed
        (172, 28, 0, 80, 100, true),   // 86 %: a sample taken while a timer moved 80 % to 100 %
        (150, 50, 0, 80, 100, false),  // 75 %: below both
        (160, 39, 1, 80, 80, false),   // a failed request never fits
    ])
    func aSampleFitsTheWeightsItWasTakenBetween(yellow: Int, blue: Int, failures: Int, from: Int, to: Int, fits: Bool) {
        let sample = TrafficSample(colors: ["yellow": yellow, "blue": blue], failures: failures)
        #expect(sample.fits(between: ["yellow": from, "blue": 100 - from], and: ["yellow": to, "blue": 100 - to]) == fits)
    }

    @Test func aColourNeitherStepRoutesToNeverFits() {
        #expect(!TrafficSample(colors: ["yellow": 100, "red": 1]).fits(between: ["yellow": 100], and: ["yellow": 100]))
    }
}
