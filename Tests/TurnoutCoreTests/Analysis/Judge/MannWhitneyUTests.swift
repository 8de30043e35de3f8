import Testing
@testable import TurnoutCore

@Suite struct MannWhitneyUTests {
    struct Row: Sendable, CustomTestStringConvertible {
        var name: String
        var x: [Double]
        var y: [Double]
        var u: Double
        var p: Double
        var method: MannWhitneyResult.Method
        var testDescription: String { name }
    }

    /// `(i·37 mod 101)/10` for i in 1...count: spread, untied values a formula can reproduce in scipy.
    static func spread(_ count: Int) -> [Double] {
        (1...count).map { Double(($0 * 37) % 101) / 10 }
    }

    /// `(j·53 mod 103)/10 + offset` for j in 1...count.
    static func other(_ count: Int, offset: Double) -> [Double] {
        (1...count).map { Double(($0 * 53) % 103) / 10 + offset }
    }

    /// Expected U and p from scipy 1.17.1: `mannwhitneyu(x, y, alternative="two-sided", method="exact")`
    /// or `method="asymptotic", use_continuity=True`, pasted as literals.
    static let rows: [Row] = [
        // Completely separated, 5 against 4: p = 2/C(9,4) = 2/126.
        Row(name: "separated 5×4", x: [1.1, 2.3, 3.5, 4.0, 5.2], y: [6.1, 7.4, 8.8, 9.0], u: 0, p: 0.015873015873015872, method: .exact),
        // Siegel & Castellan style small sample.
        Row(name: "small 5×4", x: [78, 64, 75, 45, 82], y: [110, 70, 53, 51], u: 11, p: 0.9047619047619049, method: .exact),
        // Wikipedia's tortoise and hare: finishing order T H H H H H T T T T T H.
        Row(name: "tortoise and hare", x: [1, 7, 8, 9, 10, 11], y: [2, 3, 4, 5, 6, 12], u: 25, p: 0.30952380952380953, method: .exact),
        Row(name: "interleaved 7×8", x: [1, 3, 5, 7, 9, 11, 13], y: [2, 4, 6, 8, 10, 12, 14, 16], u: 21, p: 0.46340326340326343, method: .exact),
        Row(name: "untied 20×20", x: spread(20), y: other(20, offset: 0.05), u: 234, p: 0.3688623955442159, method: .exact),
        Row(name: "small with ties", x: [1, 2, 2, 3, 4], y: [2, 3, 3, 5, 6, 7], u: 6, p: 0.11390314458853068, method: .normalApproximation),
        Row(name: "tied 20×21", x: spread(20), y: other(21, offset: 0.5), u: 218.5, p: 0.8346953363504483, method: .normalApproximation),
        Row(name: "30×40", x: spread(30), y: other(40, offset: 0.5), u: 576, p: 0.780303938845373, method: .normalApproximation),
        Row(name: "30×40 shifted", x: spread(30), y: other(40, offset: 2.5), u: 369.5, p: 0.00633703085694849, method: .normalApproximation),
        Row(
            name: "integer ties 40×35", x: (0..<40).map { Double($0 % 7) }, y: (0..<35).map { Double(($0 * 3) % 9 + 1) },
            u: 528, p: 0.06404068117325183, method: .normalApproximation
        ),
        Row(name: "separated 25×25", x: (0..<25).map(Double.init), y: (25..<50).map(Double.init), u: 0, p: 1.4156562248495537e-09, method: .normalApproximation),
        Row(name: "identical 30×30", x: (1...30).map(Double.init), y: (1...30).map(Double.init), u: 450, p: 1, method: .normalApproximation),
    ]

    @Test(arguments: rows)
    func matchesScipy(_ row: Row) {
        let result = mannWhitneyU(row.x, row.y)
        #expect(result.u == row.u)
        #expect(abs(result.pValue - row.p) <= 1e-9 * max(row.p, 1e-300) + 1e-15, "p = \(result.pValue)")
        #expect(result.method == row.method)
        #expect(result.firstCount == row.x.count && result.secondCount == row.y.count)
    }

    /// Untied samples with U₁ = u exactly: y = 10, 20, …; each x sits just above as many y values as it should.
    static func samples(m: Int, n: Int, u: Int) -> (x: [Double], y: [Double]) {
        var above = [Int](repeating: 0, count: m)
        var left = u
        for index in stride(from: m - 1, through: 0, by: -1) {
            above[index] = min(n, left)
            left -= above[index]
        }
        let x = above.sorted().enumerated().map { index, count in Double(10 * count + 5) + Double(index) / 100 }
        return (x, (1...n).map { Double(10 * $0) })
    }

    /// Critical values of U for a two-tailed test at α = 0.05 from the classic printed tables: the
    /// largest U that is significant. The next U up must not be.
    /// The p-value at the critical U is scipy's exact one.
    @Test(arguments: [
        (4, 4, 0, 0.02857142857142857), (5, 5, 2, 0.031746031746031744), (6, 6, 5, 0.04112554112554113),
        (7, 7, 8, 0.03787878787878788), (8, 8, 13, 0.04988344988344988), (9, 9, 17, 0.039983545865898806),
        (10, 10, 23, 0.04325705254497823), (5, 10, 8, 0.03996003996003995), (20, 20, 127, 0.04909032518937244),
        (3, 20, 8, 0.04630152456239412),
    ])
    func agreesWithCriticalValueTables(m: Int, n: Int, critical: Int, scipyP: Double) {
        let significant = Self.samples(m: m, n: n, u: critical)
        let notSignificant = Self.samples(m: m, n: n, u: critical + 1)
        let atCritical = mannWhitneyU(significant.x, significant.y)
        #expect(atCritical.u == Double(critical))
        #expect(atCritical.method == .exact)
        #expect(atCritical.pValue <= 0.05)
        #expect(abs(atCritical.pValue - scipyP) < 1e-12)
        #expect(mannWhitneyU(notSignificant.x, notSignificant.y).pValue > 0.05)
    }

    @Test(arguments: [(1, 1), (2, 3), (4, 4), (7, 5), (20, 20), (1, 20)])
    func exactDistributionCountsEveryOrdering(m: Int, n: Int) {
        let counts = MannWhitneyExactDistribution.counts(m: m, n: n)
        var orderings = 1.0
        for k in 0..<m { orderings = orderings * Double(n + m - k) / Double(k + 1) }
        #expect(counts.count == m * n + 1)
        #expect(counts.reduce(0, +) == orderings.rounded())
        #expect(counts == counts.reversed())
        #expect(counts.allSatisfy { $0 >= 1 })
    }

    @Test func exactDistributionOfTwoByTwo() {
        // Orderings of xxyy: U = 0 (xxyy), 1 (xyxy), 2 (xyyx, yxxy), 3 (yxyx), 4 (yyxx).
        #expect(MannWhitneyExactDistribution.counts(m: 2, n: 2) == [1, 1, 2, 1, 1])
        #expect(MannWhitneyExactDistribution.cumulativeProbability(1, m: 2, n: 2) == 2.0 / 6)
    }

    @Test func swappingSamplesMirrorsU() {
        let x = Self.spread(12)
        let y = Self.other(9, offset: 0.5)
        let forward = mannWhitneyU(x, y)
        let backward = mannWhitneyU(y, x)
        #expect(forward.u + backward.u == Double(x.count * y.count))
        #expect(forward.pValue == backward.pValue)
        #expect(forward.smallerU == backward.smallerU)
        #expect(abs(forward.probabilityFirstIsGreater + backward.probabilityFirstIsGreater - 1) < 1e-12)
    }

    @Test func leavesOutNaNAndHandlesDegenerateSamples() {
        let withNaN = mannWhitneyU([1, .nan, 2], [3, 4, .nan])
        #expect(withNaN.firstCount == 2 && withNaN.secondCount == 2)
        #expect(withNaN.u == 0)
        #expect(mannWhitneyU([], [1, 2]).pValue == 1)
        #expect(mannWhitneyU([], []).pValue == 1)
        let allTied = mannWhitneyU(Array(repeating: 5, count: 30), Array(repeating: 5, count: 30))
        #expect(allTied.pValue == 1)
        #expect(allTied.method == .normalApproximation)
        #expect(allTied.zScore == 0)
    }

    @Test func zScoreCarriesTheDirection() throws {
        let lower = mannWhitneyU((0..<25).map(Double.init), (25..<50).map(Double.init))
        let higher = mannWhitneyU((25..<50).map(Double.init), (0..<25).map(Double.init))
        #expect(try #require(lower.zScore) < 0)
        #expect(try #require(higher.zScore) > 0)
        #expect(lower.zScore == higher.zScore.map { -$0 })
    }

    @Test(arguments: [(0.0, 0.5), (1.959963984540054, 0.025), (-1.959963984540054, 0.975), (6.0, 9.865876450376946e-10)])
    func normalTailMatchesTables(z: Double, tail: Double) {
        #expect(abs(standardNormalSurvival(z) - tail) < 1e-12)
    }
}
