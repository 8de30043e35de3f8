import Testing
import TurnoutCore

@Suite struct JudgeScoreTests {
    static func metric(
        _ name: String, _ group: String, _ classification: MetricClassification, critical: Bool = false, requiresData: Bool = false
    ) -> JudgedMetric {
        JudgedMetric(name: name, group: group, comparison: CanaryMetricComparison(classification: classification), isCritical: critical, requiresData: requiresData)
    }

    struct Row: Sendable, CustomTestStringConvertible {
        var name: String
        var metrics: [JudgedMetric]
        var weights: [String: Double] = [:]
        var thresholds = JudgeThresholds()
        var score: Double
        var verdict: JudgeVerdict
        var hasData = true
        var testDescription: String { name }
    }

    static let rows: [Row] = [
        Row(name: "all pass", metrics: [metric("p99", "latency", .pass), metric("errors", "errors", .pass)], score: 100, verdict: .pass),
        Row(
            name: "weighted: half of latency fails",
            metrics: [metric("p50", "latency", .pass), metric("p99", "latency", .high), metric("5xx", "errors", .pass)],
            weights: ["latency": 70, "errors": 30], score: 65, verdict: .fail
        ),
        Row(
            name: "equal weights without configuration",
            metrics: [metric("a", "one", .pass), metric("b", "two", .low), metric("c", "three", .pass), metric("d", "four", .pass)],
            score: 75, verdict: .marginal
        ),
        Row(
            name: "unnamed groups share what is left (Kayenta)",
            metrics: [metric("a", "latency", .pass), metric("b", "errors", .high), metric("c", "saturation", .pass)],
            weights: ["latency": 60], score: 80, verdict: .marginal
        ),
        Row(
            name: "no-data metric is left out of its group",
            metrics: [metric("a", "latency", .pass), metric("b", "latency", .noData), metric("c", "errors", .pass)],
            score: 100, verdict: .pass
        ),
        Row(
            name: "group without data neither helps nor hurts",
            metrics: [metric("a", "latency", .pass), metric("b", "errors", .noData)],
            weights: ["latency": 50, "errors": 50], score: 100, verdict: .pass
        ),
        Row(
            name: "required data missing fails",
            metrics: [metric("a", "latency", .pass), metric("b", "errors", .noData, requiresData: true)],
            weights: ["latency": 50, "errors": 50], score: 50, verdict: .fail
        ),
        Row(
            name: "critical failure scores 0",
            metrics: [metric("a", "latency", .high, critical: true), metric("b", "errors", .pass), metric("c", "errors", .pass)],
            weights: ["latency": 10, "errors": 90], score: 0, verdict: .fail
        ),
        Row(
            name: "critical without data scores 0",
            metrics: [metric("a", "latency", .noData, critical: true), metric("b", "errors", .pass)], score: 0, verdict: .fail
        ),
        Row(
            name: "critical pass counts normally",
            metrics: [metric("a", "latency", .pass, critical: true), metric("b", "errors", .pass)], score: 100, verdict: .pass
        ),
        Row(name: "nothing has data", metrics: [metric("a", "latency", .noData), metric("b", "errors", .noData)], score: 0, verdict: .fail, hasData: false),
        Row(name: "no metrics", metrics: [], score: 0, verdict: .fail, hasData: false),
        Row(
            name: "zero-weight group is ignored",
            metrics: [metric("a", "latency", .pass), metric("b", "debug", .high)],
            weights: ["latency": 100], score: 100, verdict: .pass
        ),
        Row(
            name: "custom thresholds",
            metrics: [metric("a", "g", .pass), metric("b", "g", .pass), metric("c", "g", .pass), metric("d", "g", .high)],
            thresholds: JudgeThresholds(pass: 70, marginal: 50), score: 75, verdict: .pass
        ),
        Row(
            name: "score exactly at the marginal threshold",
            metrics: [metric("a", "g", .pass), metric("b", "g", .pass), metric("c", "g", .pass), metric("d", "g", .high)],
            score: 75, verdict: .marginal
        ),
    ]

    @Test(arguments: rows)
    func scoresLikeKayenta(_ row: Row) {
        let result = JudgeScore(metrics: row.metrics, groupWeights: row.weights, thresholds: row.thresholds)
        #expect(abs(result.score - row.score) < 1e-9, "score \(result.score)")
        #expect(result.verdict == row.verdict)
        #expect(result.hasData == row.hasData)
    }

    @Test func reportsGroupsAndCriticalFailures() throws {
        let result = JudgeScore(
            metrics: [
                Self.metric("p99", "latency", .high, critical: true), Self.metric("p50", "latency", .pass),
                Self.metric("5xx", "errors", .noData),
            ],
            groupWeights: ["latency": 70]
        )
        #expect(result.failedCriticalMetrics == ["p99"])
        #expect(result.groups.map(\.name) == ["latency", "errors"])
        let latency = try #require(result.groups.first)
        #expect(latency == JudgeGroupScore(name: "latency", weight: 70, score: 50, passCount: 1, failCount: 1, noDataCount: 0))
        #expect(result.groups[1] == JudgeGroupScore(name: "errors", weight: 30, score: nil, passCount: 0, failCount: 0, noDataCount: 1))
    }

    /// The acceptance case: a canary 30 % slower fails the judge; an identical one passes.
    @Test(arguments: 1...10)
    func judgesSyntheticCanaries(seed: Int) {
        var generator = SampleGenerator(seed: UInt64(seed) &* 7_919)
        let stableLatency = generator.logNormal(count: 300, median: 80, sigma: 0.5)
        let stableErrors = generator.bernoulli(count: 300, rate: 0.01)
        let sameLatency = generator.logNormal(count: 300, median: 80, sigma: 0.5)
        let slowLatency = generator.logNormal(count: 300, median: 104, sigma: 0.5)
        let canaryErrors = generator.bernoulli(count: 300, rate: 0.01)
        let latency = CanaryMetricCriteria(direction: .increase, allowedIncrease: 1.1)
        let errors = CanaryMetricCriteria(direction: .increase, allowedIncrease: 1.5)
        let weights = ["latency": 60.0, "errors": 40.0]

        let slow = JudgeScore(judging: [
            CanaryMetricSamples(name: "latency", group: "latency", canary: slowLatency, stable: stableLatency, criteria: latency),
            CanaryMetricSamples(name: "error-rate", group: "errors", canary: canaryErrors, stable: stableErrors, criteria: errors),
        ], groupWeights: weights)
        #expect(slow.metrics[0].comparison.classification == .high)
        #expect(slow.score == 40)
        #expect(slow.verdict == .fail)

        var criticalLatency = latency
        criticalLatency.isCritical = true
        let critical = JudgeScore(judging: [
            CanaryMetricSamples(name: "latency", group: "latency", canary: slowLatency, stable: stableLatency, criteria: criticalLatency),
        ])
        #expect(critical.score == 0 && critical.failedCriticalMetrics == ["latency"])

        let same = JudgeScore(judging: [
            CanaryMetricSamples(name: "latency", group: "latency", canary: sameLatency, stable: stableLatency, criteria: latency),
            CanaryMetricSamples(name: "error-rate", group: "errors", canary: canaryErrors, stable: stableErrors, criteria: errors),
        ], groupWeights: weights)
        #expect(same.metrics.map(\.comparison.classification) == [.pass, .pass])
        #expect(same.score == 100)
        #expect(same.verdict == .pass)
    }
}
