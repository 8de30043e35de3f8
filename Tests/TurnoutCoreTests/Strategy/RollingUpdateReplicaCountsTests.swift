import Testing
import TurnoutCore

@Suite struct RollingUpdateReplicaCountsTests {
    struct Row: Sendable, CustomTestStringConvertible {
        var name: String
        var replicas: Int
        var maxSurge: IntOrPercent
        var maxUnavailable: IntOrPercent
        var new: RevisionReplicas
        var old: [RevisionReplicas]
        var expected: RollingUpdateReplicaCounts
        var testDescription: String { name }
    }

    static func pods(_ desired: Int, _ available: Int) -> RevisionReplicas {
        RevisionReplicas(desired: desired, available: available)
    }

    static func counts(_ new: Int, _ old: [Int]) -> RollingUpdateReplicaCounts {
        RollingUpdateReplicaCounts(new: new, old: old)
    }

    /// Kubernetes' reconcileNewReplicaSet cases (maxUnavailable 0); old pods are all available.
    static let scaleUpRows: [Row] = [
        Row(name: "zero surge cannot scale up", replicas: 10, maxSurge: .count(0), maxUnavailable: .count(0),
            new: .empty, old: [pods(10, 10)], expected: counts(0, [9])),
        Row(name: "surge 2 adds 2", replicas: 10, maxSurge: .count(2), maxUnavailable: .count(0),
            new: .empty, old: [pods(10, 10)], expected: counts(2, [10])),
        Row(name: "room left by old revisions is used", replicas: 10, maxSurge: .count(2), maxUnavailable: .count(0),
            new: .empty, old: [pods(5, 5)], expected: counts(7, [5])),
        Row(name: "surge already used", replicas: 10, maxSurge: .count(2), maxUnavailable: .count(0),
            new: pods(2, 0), old: [pods(10, 10)], expected: counts(2, [10])),
        Row(name: "new above replicas is cut back", replicas: 10, maxSurge: .count(2), maxUnavailable: .count(0),
            new: pods(11, 11), old: [pods(2, 2)], expected: counts(10, [0])),
    ]

    /// Kubernetes' reconcileOldReplicaSets and scaleDownOldReplicaSetsForRollingUpdate cases (maxSurge 0).
    static let scaleDownRows: [Row] = [
        Row(name: "fencepost: zero budget still removes one", replicas: 10, maxSurge: .count(0), maxUnavailable: .count(0),
            new: .empty, old: [pods(10, 10)], expected: counts(0, [9])),
        Row(name: "max unavailable 2 removes 2", replicas: 10, maxSurge: .count(0), maxUnavailable: .count(2),
            new: .empty, old: [pods(10, 10)], expected: counts(0, [8])),
        Row(name: "unhealthy old pods are cleaned up", replicas: 10, maxSurge: .count(0), maxUnavailable: .count(2),
            new: .empty, old: [pods(10, 8)], expected: counts(0, [8])),
        Row(name: "one unhealthy cleaned and one ready removed", replicas: 10, maxSurge: .count(0), maxUnavailable: .count(2),
            new: .empty, old: [pods(10, 9)], expected: counts(0, [8])),
        Row(name: "unready new pods hold old revisions", replicas: 10, maxSurge: .count(0), maxUnavailable: .count(2),
            new: pods(2, 0), old: [pods(8, 8)], expected: counts(2, [8])),
        Row(name: "too few available: nothing removed, free room used", replicas: 10, maxSurge: .count(0), maxUnavailable: .count(2),
            new: .empty, old: [pods(8, 1)], expected: counts(2, [8])),
    ]

    /// Kubernetes' documented scenarios and further cases.
    static let moreRows: [Row] = [
        Row(name: "crash-looping new revision does not drain old even when an old pod fails", replicas: 10,
            maxSurge: .count(3), maxUnavailable: .count(2), new: pods(5, 0), old: [pods(8, 7)], expected: counts(5, [8])),
        Row(name: "rollover: unready intermediate revision is removed first", replicas: 10,
            maxSurge: .count(3), maxUnavailable: .count(2), new: .empty, old: [pods(8, 8), pods(5, 0)],
            expected: counts(0, [8, 0])),
        Row(name: "oldest revision goes first", replicas: 10, maxSurge: .count(0), maxUnavailable: .count(3),
            new: .empty, old: [pods(2, 2), pods(8, 8)], expected: counts(0, [0, 7])),
        Row(name: "defaults: 25% surge and 25% unavailable of 10", replicas: 10,
            maxSurge: .percent(25), maxUnavailable: .percent(25), new: .empty, old: [pods(10, 10)],
            expected: counts(3, [8])),
        Row(name: "defaults: second round", replicas: 10,
            maxSurge: .percent(25), maxUnavailable: .percent(25), new: pods(3, 3), old: [pods(8, 8)],
            expected: counts(5, [5])),
        Row(name: "new at replicas: old drained to zero", replicas: 4, maxSurge: .count(1), maxUnavailable: .count(0),
            new: pods(4, 4), old: [pods(1, 1)], expected: counts(4, [0])),
        Row(name: "no old revisions", replicas: 4, maxSurge: .count(1), maxUnavailable: .count(0),
            new: pods(2, 2), old: [], expected: counts(4, [])),
        Row(name: "zero replicas drains everything", replicas: 0, maxSurge: .percent(25), maxUnavailable: .percent(25),
            new: pods(1, 1), old: [pods(2, 2)], expected: counts(0, [0])),
        Row(name: "terminating pods above desired are not counted as available", replicas: 4,
            maxSurge: .count(0), maxUnavailable: .count(1), new: pods(1, 3), old: [pods(3, 3)], expected: counts(1, [2])),
        Row(name: "empty old revisions stay empty", replicas: 4, maxSurge: .count(1), maxUnavailable: .count(1),
            new: pods(2, 2), old: [pods(0, 0), pods(3, 3)], expected: counts(2, [0, 1])),
    ]

    @Test(arguments: scaleUpRows + scaleDownRows + moreRows)
    func oneReconcile(_ row: Row) {
        let budget = resolveSurgeAndUnavailable(maxSurge: row.maxSurge, maxUnavailable: row.maxUnavailable, replicas: row.replicas)
        let result = rollingUpdateReplicaCounts(replicas: row.replicas, budget: budget, new: row.new, old: row.old)
        #expect(result == row.expected)
    }

    struct Sequence: Sendable, CustomTestStringConvertible {
        var replicas: Int
        var maxSurge: IntOrPercent
        var maxUnavailable: IntOrPercent
        /// (new, old) after each reconcile, every pod becoming available before the next.
        var steps: [[Int]]
        var testDescription: String { "\(replicas) desired, surge \(maxSurge), unavailable \(maxUnavailable)" }
    }

    /// Kubernetes' ResolveFenceposts examples, reconcile by reconcile.
    static let fenceposts: [Sequence] = [
        // old(-1), new(+1), old(-1), new(+1)
        Sequence(replicas: 2, maxSurge: .percent(0), maxUnavailable: .percent(1), steps: [[0, 1], [1, 1], [1, 0], [2, 0]]),
        // old(-1), new(+1)
        Sequence(replicas: 1, maxSurge: .percent(0), maxUnavailable: .percent(1), steps: [[0, 0], [1, 0]]),
        // new(+1), old(-1), new(+1), old(-1)
        Sequence(replicas: 2, maxSurge: .percent(1), maxUnavailable: .percent(25), steps: [[1, 2], [1, 1], [2, 1], [2, 0]]),
        // new(+1), old(-1)
        Sequence(replicas: 1, maxSurge: .percent(1), maxUnavailable: .percent(25), steps: [[1, 1], [1, 0]]),
        // new(+1), old(-1), new(+1), old(-1)
        Sequence(replicas: 2, maxSurge: .percent(1), maxUnavailable: .percent(0), steps: [[1, 2], [1, 1], [2, 1], [2, 0]]),
        // new(+1), old(-1)
        Sequence(replicas: 1, maxSurge: .percent(1), maxUnavailable: .percent(0), steps: [[1, 1], [1, 0]]),
        // defaults on 10: both halves in one reconcile once new pods are ready
        Sequence(replicas: 10, maxSurge: .percent(25), maxUnavailable: .percent(25),
                 steps: [[3, 8], [5, 5], [8, 3], [10, 0]]),
    ]

    @Test(arguments: fenceposts)
    func fencepostSequences(_ sequence: Sequence) {
        let budget = resolveSurgeAndUnavailable(maxSurge: sequence.maxSurge, maxUnavailable: sequence.maxUnavailable, replicas: sequence.replicas)
        var new = RevisionReplicas.empty
        var old = [RevisionReplicas(desired: sequence.replicas, available: sequence.replicas)]
        var observed: [[Int]] = []
        for _ in 0..<20 {
            let next = rollingUpdateReplicaCounts(replicas: sequence.replicas, budget: budget, new: new, old: old)
            let nextOld = next.old.map { RevisionReplicas(desired: $0, available: $0) }
            if next.new == new.desired && nextOld == old { break }
            observed.append([next.new] + next.old)
            new = RevisionReplicas(desired: next.new, available: next.new)
            old = nextOld
        }
        #expect(observed == sequence.steps)
    }

    /// Whatever the budget, a rollout from three older revisions finishes with everything on the new
    /// revision, never above `replicas + surge` pods and never below `replicas - unavailable` available.
    @Test(arguments: [
        (IntOrPercent.percent(25), IntOrPercent.percent(25)), (.count(0), .count(1)), (.count(1), .count(0)),
        (.percent(100), .percent(0)), (.percent(0), .percent(100)), (.count(2), .count(3)),
    ])
    func drainsSeveralOldRevisions(maxSurge: IntOrPercent, maxUnavailable: IntOrPercent) {
        for replicas in [1, 2, 3, 7, 10] {
            let budget = resolveSurgeAndUnavailable(maxSurge: maxSurge, maxUnavailable: maxUnavailable, replicas: replicas)
            var new = RevisionReplicas.empty
            let split = [replicas / 3, replicas / 3, replicas - 2 * (replicas / 3)]
            var old = split.map { RevisionReplicas(desired: $0, available: $0) }
            for _ in 0..<(3 * replicas + 10) {
                let next = rollingUpdateReplicaCounts(replicas: replicas, budget: budget, new: new, old: old)
                let total = next.new + next.old.reduce(0, +)
                #expect(total <= budget.maxTotal(replicas: replicas))
                let kept = min(next.new, new.available) + zip(next.old, old).map { min($0, $1.available) }.reduce(0, +)
                #expect(kept >= budget.minAvailable(replicas: replicas))
                new = RevisionReplicas(desired: next.new, available: next.new)
                old = next.old.map { RevisionReplicas(desired: $0, available: $0) }
            }
            #expect(new.desired == replicas)
            #expect(old.allSatisfy { $0.desired == 0 })
        }
    }
}
