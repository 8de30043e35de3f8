import Testing
import TurnoutCore

@Suite struct ActualWeightTests {
    @Test(arguments: [
        (1, 3, 25),       // the spec's example
        (0, 0, 0),        // no pods at all
        (0, 5, 0),
        (5, 0, 100),
        (1, 1, 50),
        (1, 2, 33),
        (2, 1, 67),       // 66.7 rounds to nearest
        (1, 7, 13),       // 12.5 rounds half up
        (3, 5, 38),       // 37.5 rounds half up
        (1, 9, 10),
        (4, 6, 40),
        (1, 199, 1),      // 0.5 rounds up to 1
        (1, 300, 1),      // 0.33 would round to 0 but a canary pod serves: 1
        (300, 1, 99),     // 99.7 would round to 100 but a stable pod serves: 99
        (199, 1, 99),     // 99.5 likewise
        (10, 0, 100),
        (-1, 4, 0),       // negatives count as zero
        (3, -2, 100),
    ])
    func percentOfAvailablePods(canary: Int, stable: Int, expected: Int) {
        #expect(actualCanaryWeight(canaryAvailable: canary, stableAvailable: stable) == expected)
    }

    @Test func isZeroOrHundredOnlyWhenOneSideIsEmpty() {
        for canary in 0...60 {
            for stable in 0...60 {
                let weight = actualCanaryWeight(canaryAvailable: canary, stableAvailable: stable)
                #expect((0...100).contains(weight))
                #expect((weight == 0) == (canary == 0))
                #expect((weight == 100) == (canary > 0 && stable == 0))
            }
        }
    }
}
