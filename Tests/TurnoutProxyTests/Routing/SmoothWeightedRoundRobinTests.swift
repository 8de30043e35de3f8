import Testing
@testable import TurnoutProxy

@Suite struct SmoothWeightedRoundRobinTests {
    @Test(arguments: [(90, 10), (99, 1), (50, 50), (75, 25), (67, 33), (0, 100), (100, 0), (1, 99)])
    func everyWindowOfOneHundredHoldsTheCanaryShareWithinOne(stable: Int, canary: Int) {
        var picker = SmoothWeightedRoundRobin(weights: [stable, canary])
        let picks = (0..<1_000).map { _ in picker.next()! }
        for start in 0...(picks.count - 100) {
            let inWindow = picks[start..<(start + 100)].filter { $0 == 1 }.count
            #expect(abs(inWindow - canary) <= 1, "window at \(start): \(inWindow) canary picks, expected \(canary) ± 1")
        }
    }

    @Test(arguments: [[5, 1, 1], [3, 2, 0, 5], [1], [7, 7, 7]])
    func picksAreExactOverAFullCycle(weights: [Int]) {
        var picker = SmoothWeightedRoundRobin(weights: weights)
        let total = weights.reduce(0, +)
        var counts = Array(repeating: 0, count: weights.count)
        for _ in 0..<(total * 3) { counts[picker.next()!] += 1 }
        #expect(counts == weights.map { $0 * 3 })
    }

    @Test func ninetyTenSpreadsTheCanaryEvenly() {
        var picker = SmoothWeightedRoundRobin(weights: [90, 10])
        let picks = (0..<100).map { _ in picker.next()! }
        let positions = picks.indices.filter { picks[$0] == 1 }
        let gaps = zip(positions.dropFirst(), positions).map { $0 - $1 }
        #expect(gaps.allSatisfy { $0 == 10 })
    }

    @Test func allZeroWeightsPickNothing() {
        var picker = SmoothWeightedRoundRobin(weights: [0, 0])
        #expect(picker.next() == nil)
        var empty = SmoothWeightedRoundRobin(weights: [])
        #expect(empty.next() == nil)
    }
}
