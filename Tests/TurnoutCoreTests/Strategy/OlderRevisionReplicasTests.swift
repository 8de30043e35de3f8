import Testing
import TurnoutCore

@Suite struct OlderRevisionReplicasTests {
    struct Row: Sendable, CustomTestStringConvertible {
        var name: String
        var replicas: Int
        var budget: SurgeBudget
        var older: [RevisionReplicas]
        var canary: RevisionReplicas
        var stable: RevisionReplicas?
        var expected: [Int]
        var testDescription: String { name }
    }

    static func pods(_ desired: Int, _ available: Int) -> RevisionReplicas {
        RevisionReplicas(desired: desired, available: available)
    }

    static let rows: [Row] = [
        Row(name: "one surplus available pod allows one removal", replicas: 10, budget: SurgeBudget(surge: 1, unavailable: 0),
            older: [pods(3, 3)], canary: pods(1, 1), stable: pods(7, 7), expected: [2]),
        Row(name: "unready older pods always go", replicas: 10, budget: SurgeBudget(surge: 1, unavailable: 0),
            older: [pods(3, 1)], canary: pods(1, 1), stable: pods(7, 7), expected: [1]),
        Row(name: "unready older pods go even with no availability room", replicas: 10, budget: SurgeBudget(surge: 1, unavailable: 0),
            older: [pods(5, 2)], canary: pods(1, 0), stable: pods(5, 5), expected: [2]),
        Row(name: "oldest revision first", replicas: 10, budget: SurgeBudget(surge: 0, unavailable: 2),
            older: [pods(2, 2), pods(3, 3)], canary: pods(5, 5), stable: nil, expected: [0, 3]),
        Row(name: "room spans revisions", replicas: 10, budget: SurgeBudget(surge: 0, unavailable: 4),
            older: [pods(2, 2), pods(3, 3)], canary: pods(5, 5), stable: nil, expected: [0, 1]),
        Row(name: "no room: unchanged", replicas: 10, budget: SurgeBudget(surge: 2, unavailable: 0),
            older: [pods(4, 4)], canary: pods(2, 0), stable: pods(6, 6), expected: [4]),
        Row(name: "terminating pods above desired do not count", replicas: 4, budget: SurgeBudget(surge: 1, unavailable: 0),
            older: [pods(2, 2)], canary: pods(1, 3), stable: pods(2, 2), expected: [1]),
        Row(name: "empty older revisions stay empty", replicas: 4, budget: SurgeBudget(surge: 1, unavailable: 0),
            older: [pods(0, 0), pods(2, 2)], canary: pods(2, 2), stable: pods(2, 2), expected: [0, 0]),
        Row(name: "no older revisions", replicas: 4, budget: SurgeBudget(surge: 1, unavailable: 1),
            older: [], canary: pods(2, 2), stable: pods(2, 2), expected: []),
    ]

    @Test(arguments: rows)
    func scalesOlderRevisionsDown(_ row: Row) {
        let counts = olderRevisionReplicaCounts(older: row.older, canary: row.canary, stable: row.stable, replicas: row.replicas, budget: row.budget)
        #expect(counts == row.expected)
    }

    /// A basic canary interrupted by a newer revision: stable v1, abandoned v2 as an older revision,
    /// canary v3. Reconciling canary, stable and older revisions from the same observation each time,
    /// with pods becoming available at once, v2 drains and the split for the weight is reached, never
    /// above `replicas + surge` pods nor below `replicas - unavailable` available.
    @Test(arguments: [
        SurgeBudget(surge: 1, unavailable: 0), SurgeBudget(surge: 0, unavailable: 1),
        SurgeBudget(surge: 3, unavailable: 2), SurgeBudget(surge: 2, unavailable: 0),
    ])
    func interruptedCanaryDrainsIntermediateRevision(budget: SurgeBudget) {
        let replicas = 10
        for weight in [0, 10, 30, 50, 90, 100] {
            var stable = RevisionReplicas(desired: 7, available: 7)
            var older = [RevisionReplicas(desired: 3, available: 3)]
            var canary = RevisionReplicas.empty
            for _ in 0..<40 {
                let olderCounts = olderRevisionReplicaCounts(older: older, canary: canary, stable: stable, replicas: replicas, budget: budget)
                let counts = basicCanaryReplicaCounts(replicas: replicas, weight: weight, budget: budget, canary: canary, stable: stable, older: older)
                #expect(counts.canary + counts.stable + olderCounts.reduce(0, +) <= budget.maxTotal(replicas: replicas))
                let kept = min(counts.canary, canary.available) + min(counts.stable, stable.available)
                    + zip(olderCounts, older).map { min($0, $1.available) }.reduce(0, +)
                #expect(kept >= budget.minAvailable(replicas: replicas))
                canary = RevisionReplicas(desired: counts.canary, available: counts.canary)
                stable = RevisionReplicas(desired: counts.stable, available: counts.stable)
                older = olderCounts.map { RevisionReplicas(desired: $0, available: $0) }
            }
            #expect(older.map(\.desired) == [0])
            #expect(CanaryReplicaCounts(canary: canary.desired, stable: stable.desired)
                == replicaRatioSplit(replicas: replicas, weight: weight, surge: budget.surge))
        }
    }
}
