import Testing
import TurnoutCore

@Suite struct BasicCanaryReplicasTests {
    struct Row: Sendable, CustomTestStringConvertible {
        var name: String
        var replicas: Int
        var weight: Int
        var maxSurge: IntOrPercent
        var maxUnavailable: IntOrPercent
        var stable: RevisionReplicas?
        var canary: RevisionReplicas
        var older: [RevisionReplicas] = []
        var expectedCanary: Int
        var expectedStable: Int
        var testDescription: String { name }
    }

    static func pods(_ desired: Int, _ available: Int) -> RevisionReplicas {
        RevisionReplicas(desired: desired, available: available)
    }

    /// Argo Rollouts' TestCalculateReplicaCountsForCanary (basic-canary rows), expected counts unchanged.
    /// A full promotion is passed as weight 100 and an abort as weight 0, as the engine does.
    static let argoRows: [Row] = [
        Row(name: "do not count surplus available pods when scaling down", replicas: 10, weight: 100,
            maxSurge: .count(3), maxUnavailable: .count(0), stable: pods(7, 8), canary: pods(6, 3),
            expectedCanary: 6, expectedStable: 7),
        Row(name: "max surge count scales up canary", replicas: 10, weight: 20,
            maxSurge: .count(2), maxUnavailable: .count(0), stable: pods(10, 10), canary: pods(0, 0),
            expectedCanary: 2, expectedStable: 10),
        Row(name: "max surge percentage scales up canary", replicas: 10, weight: 20,
            maxSurge: .percent(20), maxUnavailable: .count(0), stable: pods(10, 10), canary: pods(0, 0),
            expectedCanary: 2, expectedStable: 10),
        Row(name: "scale down extra stable replicas", replicas: 10, weight: 20,
            maxSurge: .percent(20), maxUnavailable: .count(0), stable: pods(10, 10), canary: pods(2, 2),
            expectedCanary: 2, expectedStable: 8),
        Row(name: "do not go past max surge", replicas: 10, weight: 30,
            maxSurge: .count(2), maxUnavailable: .count(0), stable: pods(10, 10), canary: pods(0, 0),
            expectedCanary: 2, expectedStable: 10),
        Row(name: "max unavailable count scales down stable", replicas: 10, weight: 20,
            maxSurge: .count(0), maxUnavailable: .count(2), stable: pods(10, 10), canary: pods(0, 0),
            expectedCanary: 0, expectedStable: 8),
        Row(name: "max unavailable percentage scales down stable", replicas: 10, weight: 20,
            maxSurge: .count(0), maxUnavailable: .percent(20), stable: pods(10, 10), canary: pods(0, 0),
            expectedCanary: 0, expectedStable: 8),
        Row(name: "do not go past max unavailable", replicas: 10, weight: 30,
            maxSurge: .count(0), maxUnavailable: .count(2), stable: pods(10, 10), canary: pods(0, 0),
            expectedCanary: 0, expectedStable: 8),
        Row(name: "max surge and max unavailable together", replicas: 10, weight: 50,
            maxSurge: .count(2), maxUnavailable: .count(1), stable: pods(10, 10), canary: pods(0, 0),
            expectedCanary: 2, expectedStable: 9),
        Row(name: "weight 0 scales canary to zero", replicas: 10, weight: 0,
            maxSurge: .count(1), maxUnavailable: .count(1), stable: pods(10, 10), canary: pods(1, 1),
            expectedCanary: 0, expectedStable: 10),
        Row(name: "weight 100 scales stable to zero", replicas: 10, weight: 100,
            maxSurge: .count(1), maxUnavailable: .count(1), stable: pods(1, 1), canary: pods(10, 10),
            expectedCanary: 10, expectedStable: 0),
        Row(name: "non-zero weight never leaves canary at zero", replicas: 1, weight: 20,
            maxSurge: .count(1), maxUnavailable: .count(0), stable: pods(1, 1), canary: pods(0, 0),
            expectedCanary: 1, expectedStable: 1),
        Row(name: "weight below 100 never leaves stable at zero", replicas: 1, weight: 90,
            maxSurge: .count(1), maxUnavailable: .count(0), stable: pods(1, 1), canary: pods(0, 0),
            expectedCanary: 1, expectedStable: 1),
        Row(name: "stable is scaled up before canary", replicas: 10, weight: 30,
            maxSurge: .count(1), maxUnavailable: .count(0), stable: pods(1, 1), canary: pods(0, 0),
            older: [pods(3, 3)], expectedCanary: 1, expectedStable: 7),
        Row(name: "scale down canary and stable", replicas: 10, weight: 30,
            maxSurge: .count(0), maxUnavailable: .count(3), stable: pods(8, 5), canary: pods(4, 4),
            expectedCanary: 3, expectedStable: 7),
        Row(name: "scale down stable while canary becomes available", replicas: 10, weight: 100,
            maxSurge: .count(1), maxUnavailable: .count(0), stable: pods(10, 2), canary: pods(10, 8),
            expectedCanary: 9, expectedStable: 2),
        Row(name: "older revisions with pods block scale-down", replicas: 10, weight: 30,
            maxSurge: .count(0), maxUnavailable: .count(1), stable: pods(8, 6), canary: pods(4, 2),
            older: [pods(3, 3)], expectedCanary: 4, expectedStable: 8),
        Row(name: "uneven weight does not round past zero surge", replicas: 10, weight: 5,
            maxSurge: .count(0), maxUnavailable: .count(1), stable: pods(10, 10), canary: pods(0, 0),
            expectedCanary: 0, expectedStable: 9),
        Row(name: "uneven weight does not round past zero surge, part 2", replicas: 10, weight: 5,
            maxSurge: .count(0), maxUnavailable: .count(1), stable: pods(9, 9), canary: pods(0, 0),
            expectedCanary: 1, expectedStable: 9),
        Row(name: "zero surge and zero unavailable percentages allow one unavailable", replicas: 10, weight: 10,
            maxSurge: .percent(0), maxUnavailable: .percent(0), stable: pods(10, 10), canary: pods(0, 0),
            expectedCanary: 0, expectedStable: 9),
        Row(name: "surge honoured while stable is unavailable", replicas: 4, weight: 100,
            maxSurge: .count(1), maxUnavailable: .count(0), stable: pods(4, 1), canary: pods(0, 0),
            expectedCanary: 1, expectedStable: 4),
        Row(name: "scale down to max unavailable without exceeding surge", replicas: 3, weight: 99,
            maxSurge: .count(0), maxUnavailable: .count(2), stable: pods(3, 3), canary: pods(0, 0),
            expectedCanary: 0, expectedStable: 1),
        Row(name: "scale down to max unavailable without exceeding surge, part 2", replicas: 3, weight: 99,
            maxSurge: .count(0), maxUnavailable: .count(2), stable: pods(1, 1), canary: pods(0, 0),
            expectedCanary: 2, expectedStable: 1),
        Row(name: "unavailable stable is drained one pod at a time", replicas: 4, weight: 100,
            maxSurge: .count(1), maxUnavailable: .count(0), stable: pods(4, 1), canary: pods(1, 1),
            expectedCanary: 1, expectedStable: 3),
        Row(name: "abort keeps canary until stable surges", replicas: 4, weight: 0,
            maxSurge: .count(1), maxUnavailable: .count(0), stable: pods(0, 0), canary: pods(4, 4),
            expectedCanary: 4, expectedStable: 1),
        Row(name: "abort keeps canary while surged stable is unready", replicas: 4, weight: 0,
            maxSurge: .count(1), maxUnavailable: .count(0), stable: pods(1, 0), canary: pods(4, 4),
            expectedCanary: 4, expectedStable: 1),
        Row(name: "abort drains canary by one once stable is ready", replicas: 4, weight: 0,
            maxSurge: .count(1), maxUnavailable: .count(0), stable: pods(1, 1), canary: pods(4, 4),
            expectedCanary: 3, expectedStable: 1),
        Row(name: "full promotion ignores the step weight", replicas: 4, weight: 100,
            maxSurge: .count(4), maxUnavailable: .count(4), stable: pods(4, 4), canary: pods(0, 0),
            expectedCanary: 4, expectedStable: 0),
        Row(name: "full promotion still honours surge and unavailable", replicas: 4, weight: 100,
            maxSurge: .count(3), maxUnavailable: .count(0), stable: pods(4, 4), canary: pods(0, 0),
            expectedCanary: 3, expectedStable: 4),
        Row(name: "no stable distinct from canary: canary takes all replicas", replicas: 10, weight: 10,
            maxSurge: .count(0), maxUnavailable: .count(1), stable: nil, canary: pods(10, 0),
            expectedCanary: 10, expectedStable: 0),
        Row(name: "no stable: canary grows to all replicas", replicas: 10, weight: 10,
            maxSurge: .count(0), maxUnavailable: .count(1), stable: nil, canary: pods(9, 9),
            expectedCanary: 10, expectedStable: 0),
    ]

    /// The spec's examples and further edge cases, one reconcile each.
    static let moreRows: [Row] = [
        Row(name: "3 replicas at 10% with default budget: one surge canary", replicas: 3, weight: 10,
            maxSurge: .percent(25), maxUnavailable: .percent(25), stable: pods(3, 3), canary: .empty,
            expectedCanary: 1, expectedStable: 3),
        Row(name: "10 replicas at 41%: first step uses the whole surge", replicas: 10, weight: 41,
            maxSurge: .percent(25), maxUnavailable: .percent(25), stable: pods(10, 10), canary: .empty,
            expectedCanary: 3, expectedStable: 8),
        Row(name: "10 replicas at 41%: second step reaches 4 + 6", replicas: 10, weight: 41,
            maxSurge: .percent(25), maxUnavailable: .percent(25), stable: pods(8, 8), canary: pods(3, 3),
            expectedCanary: 4, expectedStable: 6),
        Row(name: "unready canary holds stable when there is no unavailable budget", replicas: 10, weight: 20,
            maxSurge: .count(2), maxUnavailable: .count(0), stable: pods(10, 10), canary: pods(2, 0),
            expectedCanary: 2, expectedStable: 10),
        Row(name: "at target nothing moves", replicas: 10, weight: 41,
            maxSurge: .percent(25), maxUnavailable: .percent(25), stable: pods(6, 6), canary: pods(4, 4),
            expectedCanary: 4, expectedStable: 6),
        Row(name: "zero replicas scales everything to zero", replicas: 0, weight: 50,
            maxSurge: .percent(25), maxUnavailable: .percent(25), stable: pods(2, 2), canary: pods(1, 1),
            expectedCanary: 0, expectedStable: 0),
        Row(name: "older revision pods use up the surge", replicas: 4, weight: 50,
            maxSurge: .count(1), maxUnavailable: .count(0), stable: pods(2, 2), canary: pods(1, 1),
            older: [pods(2, 2)], expectedCanary: 1, expectedStable: 2),
        Row(name: "lower weight shrinks canary within availability", replicas: 10, weight: 10,
            maxSurge: .count(1), maxUnavailable: .count(1), stable: pods(5, 5), canary: pods(5, 5),
            expectedCanary: 4, expectedStable: 6),
    ]

    @Test(arguments: argoRows + moreRows)
    func oneStepTowardTheSplit(_ row: Row) {
        let budget = resolveSurgeAndUnavailable(maxSurge: row.maxSurge, maxUnavailable: row.maxUnavailable, replicas: row.replicas)
        let counts = basicCanaryReplicaCounts(
            replicas: row.replicas, weight: row.weight, budget: budget,
            canary: row.canary, stable: row.stable, older: row.older
        )
        #expect(counts == CanaryReplicaCounts(canary: row.expectedCanary, stable: row.expectedStable))
    }

    struct Walk: Sendable, CustomTestStringConvertible {
        var replicas: Int
        var fromWeight: Int
        var toWeight: Int
        var maxSurge: IntOrPercent
        var maxUnavailable: IntOrPercent
        var testDescription: String {
            "\(replicas) replicas \(fromWeight)%→\(toWeight)% surge \(maxSurge) unavailable \(maxUnavailable)"
        }
    }

    static let walks: [Walk] = {
        let budgets: [(IntOrPercent, IntOrPercent)] = [
            (.percent(25), .percent(25)), (.count(1), .count(0)), (.count(0), .count(1)),
            (.count(3), .count(2)), (.percent(0), .percent(0)), (.percent(100), .count(0)),
        ]
        let moves = [(0, 10), (0, 41), (0, 50), (0, 100), (10, 50), (50, 100), (20, 0), (99, 1), (75, 25), (1, 99)]
        var walks: [Walk] = []
        for replicas in [1, 2, 3, 5, 10, 17] {
            for (surge, unavailable) in budgets {
                for (from, to) in moves {
                    walks.append(Walk(replicas: replicas, fromWeight: from, toWeight: to, maxSurge: surge, maxUnavailable: unavailable))
                }
            }
        }
        return walks
    }()

    /// Starting settled at one weight and letting every requested pod become available at once,
    /// repeated reconciles reach the split for the new weight without ever exceeding
    /// `replicas + surge` pods or dropping below `replicas - unavailable` available pods.
    @Test(arguments: walks)
    func convergesWithinBudget(_ walk: Walk) {
        let budget = resolveSurgeAndUnavailable(maxSurge: walk.maxSurge, maxUnavailable: walk.maxUnavailable, replicas: walk.replicas)
        let start = replicaRatioSplit(replicas: walk.replicas, weight: walk.fromWeight, surge: budget.surge)
        let goal = replicaRatioSplit(replicas: walk.replicas, weight: walk.toWeight, surge: budget.surge)
        var state = start
        for _ in 0..<(4 * walk.replicas + 8) {
            let next = basicCanaryReplicaCounts(
                replicas: walk.replicas, weight: walk.toWeight, budget: budget,
                canary: RevisionReplicas(desired: state.canary, available: state.canary),
                stable: RevisionReplicas(desired: state.stable, available: state.stable)
            )
            #expect(next.canary + next.stable <= max(budget.maxTotal(replicas: walk.replicas), state.canary + state.stable))
            let kept = min(next.canary, state.canary) + min(next.stable, state.stable)
            #expect(kept >= min(budget.minAvailable(replicas: walk.replicas), state.canary + state.stable))
            if next == state { break }
            state = next
        }
        #expect(state == goal)
    }
}
