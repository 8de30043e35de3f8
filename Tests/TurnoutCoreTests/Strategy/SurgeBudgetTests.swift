import Testing
@testable import TurnoutCore

@Suite struct SurgeBudgetTests {
    struct Row: Sendable, CustomTestStringConvertible {
        var maxSurge: IntOrPercent?
        var maxUnavailable: IntOrPercent?
        var replicas: Int
        var surge: Int
        var unavailable: Int
        var testDescription: String {
            "surge \(maxSurge.map(\.description) ?? "default") unavailable \(maxUnavailable.map(\.description) ?? "default") of \(replicas)"
        }
    }

    static let rows: [Row] = [
        // Defaults: 25% / 25%, surge rounds up, unavailable rounds down.
        Row(maxSurge: nil, maxUnavailable: nil, replicas: 10, surge: 3, unavailable: 2),
        Row(maxSurge: nil, maxUnavailable: nil, replicas: 4, surge: 1, unavailable: 1),
        Row(maxSurge: nil, maxUnavailable: nil, replicas: 3, surge: 1, unavailable: 0),
        Row(maxSurge: nil, maxUnavailable: nil, replicas: 1, surge: 1, unavailable: 0),
        Row(maxSurge: nil, maxUnavailable: nil, replicas: 100, surge: 25, unavailable: 25),
        // Zero replicas: nothing may be unavailable, even through the fencepost rule.
        Row(maxSurge: nil, maxUnavailable: nil, replicas: 0, surge: 0, unavailable: 0),
        Row(maxSurge: .count(0), maxUnavailable: .count(0), replicas: 0, surge: 0, unavailable: 0),
        Row(maxSurge: .count(2), maxUnavailable: nil, replicas: 0, surge: 2, unavailable: 0),
        // Fencepost: both zero means one unavailable (Argo test "Use maxUnavailable of 1 ...").
        Row(maxSurge: .percent(0), maxUnavailable: .percent(0), replicas: 10, surge: 0, unavailable: 1),
        Row(maxSurge: .count(0), maxUnavailable: .count(0), replicas: 10, surge: 0, unavailable: 1),
        Row(maxSurge: .percent(0), maxUnavailable: .percent(1), replicas: 2, surge: 0, unavailable: 1),
        Row(maxSurge: .percent(0), maxUnavailable: .percent(1), replicas: 1, surge: 0, unavailable: 1),
        // Kubernetes' ResolveFenceposts examples.
        Row(maxSurge: .percent(1), maxUnavailable: .percent(25), replicas: 2, surge: 1, unavailable: 0),
        Row(maxSurge: .percent(1), maxUnavailable: .percent(25), replicas: 1, surge: 1, unavailable: 0),
        Row(maxSurge: .percent(1), maxUnavailable: .percent(0), replicas: 2, surge: 1, unavailable: 0),
        // Argo canary_test.go budgets.
        Row(maxSurge: .percent(20), maxUnavailable: .count(0), replicas: 10, surge: 2, unavailable: 0),
        Row(maxSurge: .count(0), maxUnavailable: .percent(20), replicas: 10, surge: 0, unavailable: 2),
        Row(maxSurge: .count(2), maxUnavailable: .count(1), replicas: 10, surge: 2, unavailable: 1),
        // Rounding directions.
        Row(maxSurge: .percent(50), maxUnavailable: .percent(50), replicas: 5, surge: 3, unavailable: 2),
        Row(maxSurge: .percent(33), maxUnavailable: .percent(33), replicas: 10, surge: 4, unavailable: 3),
        Row(maxSurge: .percent(100), maxUnavailable: .percent(100), replicas: 3, surge: 3, unavailable: 3),
        // Unavailable is capped at replicas; surge is not.
        Row(maxSurge: .count(5), maxUnavailable: .count(20), replicas: 10, surge: 5, unavailable: 10),
        Row(maxSurge: .percent(200), maxUnavailable: .percent(200), replicas: 3, surge: 6, unavailable: 3),
        // Negative counts are treated as zero.
        Row(maxSurge: .count(-3), maxUnavailable: .count(2), replicas: 10, surge: 0, unavailable: 2),
    ]

    @Test(arguments: rows)
    func resolvesLikeKubernetes(_ row: Row) {
        let budget = resolveSurgeAndUnavailable(maxSurge: row.maxSurge, maxUnavailable: row.maxUnavailable, replicas: row.replicas)
        #expect(budget == SurgeBudget(surge: row.surge, unavailable: row.unavailable))
    }

    @Test(arguments: [
        (SurgeBudget(surge: 3, unavailable: 2), 10, 13, 8),
        (SurgeBudget(surge: 0, unavailable: 1), 1, 1, 0),
        (SurgeBudget(surge: 1, unavailable: 0), 0, 1, 0),
        (SurgeBudget(surge: 0, unavailable: 5), 3, 3, 0),
    ])
    func derivesLimits(budget: SurgeBudget, replicas: Int, maxTotal: Int, minAvailable: Int) {
        #expect(budget.maxTotal(replicas: replicas) == maxTotal)
        #expect(budget.minAvailable(replicas: replicas) == minAvailable)
    }

    @Test func defaultsAreTwentyFivePercent() {
        #expect(SurgeBudget.defaultMaxSurge == .percent(25))
        #expect(SurgeBudget.defaultMaxUnavailable == .percent(25))
    }
}
