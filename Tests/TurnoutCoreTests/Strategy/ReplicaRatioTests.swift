import Foundation
import Testing
import TurnoutCore

@Suite struct ReplicaRatioTests {
    struct Row: Sendable, CustomTestStringConvertible {
        var replicas: Int
        var weight: Int
        var surge: Int
        var canary: Int
        var stable: Int
        var testDescription: String { "\(replicas) replicas at \(weight)% surge \(surge) → \(canary)+\(stable)" }
    }

    /// The spec's required examples.
    static let specRows: [Row] = [
        Row(replicas: 3, weight: 10, surge: 1, canary: 1, stable: 3),     // actual 25%
        Row(replicas: 10, weight: 41, surge: 0, canary: 4, stable: 6),
        Row(replicas: 10, weight: 41, surge: 3, canary: 4, stable: 6),
        Row(replicas: 10, weight: 0, surge: 3, canary: 0, stable: 10),
        Row(replicas: 10, weight: 100, surge: 3, canary: 10, stable: 0),
        Row(replicas: 7, weight: 0, surge: 0, canary: 0, stable: 7),
        Row(replicas: 7, weight: 100, surge: 0, canary: 7, stable: 0),
    ]

    /// Argo Rollouts' TestApproximateWeightedNewStableReplicaCounts, row for row.
    static let argoRows: [Row] = [
        Row(replicas: 0, weight: 0, surge: 0, canary: 0, stable: 0),
        Row(replicas: 0, weight: 50, surge: 0, canary: 0, stable: 0),
        Row(replicas: 0, weight: 100, surge: 0, canary: 0, stable: 0),
        Row(replicas: 0, weight: 0, surge: 1, canary: 0, stable: 0),
        Row(replicas: 0, weight: 50, surge: 1, canary: 0, stable: 0),
        Row(replicas: 0, weight: 100, surge: 1, canary: 0, stable: 0),

        Row(replicas: 1, weight: 0, surge: 0, canary: 0, stable: 1),
        Row(replicas: 1, weight: 1, surge: 0, canary: 0, stable: 1),
        Row(replicas: 1, weight: 49, surge: 0, canary: 0, stable: 1),
        Row(replicas: 1, weight: 50, surge: 0, canary: 1, stable: 0),
        Row(replicas: 1, weight: 99, surge: 0, canary: 1, stable: 0),
        Row(replicas: 1, weight: 100, surge: 0, canary: 1, stable: 0),

        Row(replicas: 1, weight: 0, surge: 1, canary: 0, stable: 1),
        Row(replicas: 1, weight: 1, surge: 1, canary: 1, stable: 1),
        Row(replicas: 1, weight: 49, surge: 1, canary: 1, stable: 1),
        Row(replicas: 1, weight: 50, surge: 1, canary: 1, stable: 1),
        Row(replicas: 1, weight: 99, surge: 1, canary: 1, stable: 1),
        Row(replicas: 1, weight: 100, surge: 1, canary: 1, stable: 0),

        Row(replicas: 2, weight: 0, surge: 0, canary: 0, stable: 2),
        Row(replicas: 2, weight: 1, surge: 0, canary: 1, stable: 1),
        Row(replicas: 2, weight: 50, surge: 0, canary: 1, stable: 1),
        Row(replicas: 2, weight: 99, surge: 0, canary: 1, stable: 1),
        Row(replicas: 2, weight: 100, surge: 0, canary: 2, stable: 0),

        Row(replicas: 2, weight: 0, surge: 1, canary: 0, stable: 2),
        Row(replicas: 2, weight: 1, surge: 1, canary: 1, stable: 2),
        Row(replicas: 2, weight: 50, surge: 1, canary: 1, stable: 1),
        Row(replicas: 2, weight: 99, surge: 1, canary: 2, stable: 1),
        Row(replicas: 2, weight: 100, surge: 1, canary: 2, stable: 0),

        Row(replicas: 3, weight: 10, surge: 0, canary: 1, stable: 2),
        Row(replicas: 3, weight: 25, surge: 0, canary: 1, stable: 2),
        Row(replicas: 3, weight: 33, surge: 0, canary: 1, stable: 2),
        Row(replicas: 3, weight: 34, surge: 0, canary: 1, stable: 2),
        Row(replicas: 3, weight: 49, surge: 0, canary: 1, stable: 2),
        Row(replicas: 3, weight: 50, surge: 0, canary: 2, stable: 1),

        Row(replicas: 3, weight: 10, surge: 1, canary: 1, stable: 3),
        Row(replicas: 3, weight: 25, surge: 1, canary: 1, stable: 3),
        Row(replicas: 3, weight: 33, surge: 1, canary: 1, stable: 2),
        Row(replicas: 3, weight: 34, surge: 1, canary: 1, stable: 2),
        Row(replicas: 3, weight: 49, surge: 1, canary: 2, stable: 2),
        Row(replicas: 3, weight: 50, surge: 1, canary: 2, stable: 2),

        Row(replicas: 10, weight: 0, surge: 1, canary: 0, stable: 10),
        Row(replicas: 10, weight: 1, surge: 0, canary: 1, stable: 9),
        Row(replicas: 10, weight: 14, surge: 0, canary: 1, stable: 9),
        Row(replicas: 10, weight: 15, surge: 0, canary: 2, stable: 8),
        Row(replicas: 10, weight: 16, surge: 0, canary: 2, stable: 8),
        Row(replicas: 10, weight: 99, surge: 0, canary: 9, stable: 1),
        Row(replicas: 10, weight: 100, surge: 1, canary: 10, stable: 0),

        Row(replicas: 10, weight: 1, surge: 1, canary: 1, stable: 10),
        Row(replicas: 10, weight: 18, surge: 1, canary: 2, stable: 9),
        Row(replicas: 10, weight: 19, surge: 1, canary: 2, stable: 9),
        Row(replicas: 10, weight: 20, surge: 1, canary: 2, stable: 8),
        Row(replicas: 10, weight: 23, surge: 1, canary: 2, stable: 8),
        Row(replicas: 10, weight: 24, surge: 1, canary: 3, stable: 8),
        Row(replicas: 10, weight: 25, surge: 1, canary: 3, stable: 8),
        Row(replicas: 10, weight: 99, surge: 1, canary: 10, stable: 1),
        Row(replicas: 10, weight: 100, surge: 1, canary: 10, stable: 0),
    ]

    /// More cases: ties, large surges (only "one extra pod" is ever used), clamping.
    static let moreRows: [Row] = [
        Row(replicas: 4, weight: 50, surge: 0, canary: 2, stable: 2),
        Row(replicas: 5, weight: 50, surge: 0, canary: 3, stable: 2),      // 60% vs 40%: tie, more canary
        Row(replicas: 5, weight: 50, surge: 1, canary: 3, stable: 3),      // 3 of 6 is exact
        Row(replicas: 5, weight: 20, surge: 5, canary: 1, stable: 4),      // a big surge still adds at most one pod
        Row(replicas: 4, weight: 10, surge: 1, canary: 1, stable: 4),      // 20% beats 25%
        Row(replicas: 20, weight: 5, surge: 0, canary: 1, stable: 19),
        Row(replicas: 20, weight: 33, surge: 5, canary: 7, stable: 14),    // 7 of 21 is 33.3%
        Row(replicas: 9, weight: 90, surge: 0, canary: 8, stable: 1),      // 9 would leave stable empty
        Row(replicas: 9, weight: 90, surge: 3, canary: 9, stable: 1),      // 9 of 10 is exact
        Row(replicas: 10, weight: -5, surge: 1, canary: 0, stable: 10),    // clamped to 0
        Row(replicas: 10, weight: 250, surge: 1, canary: 10, stable: 0),   // clamped to 100
        Row(replicas: -3, weight: 50, surge: 1, canary: 0, stable: 0),
    ]

    @Test(arguments: specRows + argoRows + moreRows)
    func splitsClosestToWeight(_ row: Row) {
        let split = replicaRatioSplit(replicas: row.replicas, weight: row.weight, surge: row.surge)
        #expect(split == CanaryReplicaCounts(canary: row.canary, stable: row.stable))
    }

    /// Every weight between 1 and 99 keeps a pod on each side once there is room for two pods,
    /// never uses more than one surge pod, and 0/100 are exact.
    @Test(arguments: [0, 1, 2, 5])
    func keepsBothSidesAlive(surge: Int) {
        for replicas in 1...60 {
            for weight in 0...100 {
                let split = replicaRatioSplit(replicas: replicas, weight: weight, surge: surge)
                let total = split.canary + split.stable
                #expect(total == replicas || (surge > 0 && total == replicas + 1))
                switch weight {
                case 0:
                    #expect(split == CanaryReplicaCounts(canary: 0, stable: replicas))
                case 100:
                    #expect(split == CanaryReplicaCounts(canary: replicas, stable: 0))
                default:
                    if replicas > 1 || surge > 0 {
                        #expect(split.canary > 0 && split.stable > 0, "\(replicas) at \(weight)% surge \(surge): \(split)")
                    }
                }
            }
        }
    }

    /// The exact-integer implementation agrees with a floating-point rendition of Argo's
    /// candidate search for every input in a wide range, except where Argo finds no candidate.
    @Test(arguments: [0, 1, 4])
    func agreesWithFloatingPointReference(surge: Int) {
        for replicas in 0...400 {
            for weight in 0...100 {
                let split = replicaRatioSplit(replicas: replicas, weight: weight, surge: surge)
                if let reference = Self.floatingPointReference(replicas: replicas, weight: weight, surge: surge) {
                    #expect(split == reference, "\(replicas) at \(weight)% surge \(surge)")
                } else {
                    #expect(split == CanaryReplicaCounts(canary: replicas - 1, stable: 1), "\(replicas) at \(weight)% surge \(surge)")
                }
            }
        }
    }

    /// Where Argo rules out both candidates (rounding up would empty the stable, rounding down is an
    /// exact half) it falls back to no canary at all; Turnout keeps one stable pod instead.
    @Test(arguments: [
        Row(replicas: 2, weight: 75, surge: 0, canary: 1, stable: 1),
        Row(replicas: 5, weight: 90, surge: 0, canary: 4, stable: 1),
        Row(replicas: 10, weight: 95, surge: 0, canary: 9, stable: 1),
        Row(replicas: 25, weight: 98, surge: 0, canary: 24, stable: 1),
        Row(replicas: 50, weight: 99, surge: 0, canary: 49, stable: 1),
    ])
    func neverFallsBackToNoCanary(_ row: Row) {
        #expect(Self.floatingPointReference(replicas: row.replicas, weight: row.weight, surge: row.surge) == nil)
        let split = replicaRatioSplit(replicas: row.replicas, weight: row.weight, surge: row.surge)
        #expect(split == CanaryReplicaCounts(canary: row.canary, stable: row.stable))
    }

    /// Argo's approach restated with Doubles: floor/ceil candidates at `replicas` and `replicas + 1`
    /// pods, an exact-half tie dropping the floor, the first strictly smaller distance winning;
    /// `nil` where no candidate survives (Argo then returns zero canary pods).
    static func floatingPointReference(replicas: Int, weight: Int, surge: Int) -> CanaryReplicaCounts? {
        if replicas == 0 { return CanaryReplicaCounts(canary: 0, stable: 0) }
        let share = Double(replicas * weight) / 100
        let up = Int(share.rounded(.up))
        let down = Int(share.rounded(.down))
        func isHalf(_ total: Int) -> Bool {
            let value = Double(total) * (Double(weight) / 100)
            return value - value.rounded(.towardZero) == 0.5
        }
        let zeroOK = weight == 0 || weight == 100 || (replicas == 1 && surge == 0)
        var options: [(Int, Int)] = []
        if up < replicas || zeroOK { options.append((up, replicas)) }
        if !isHalf(replicas) && (down != 0 || zeroOK) { options.append((down, replicas)) }
        if surge > 0 {
            options.append((up, replicas + 1))
            if !isHalf(replicas + 1) && (down != 0 || zeroOK) { options.append((down, replicas + 1)) }
        }
        guard var best = options.first else { return nil }
        func distance(_ option: (Int, Int)) -> Double {
            abs(Double(option.0 * 100) / Double(option.1) - Double(weight))
        }
        for option in options.dropFirst() where distance(option) < distance(best) {
            best = option
        }
        return CanaryReplicaCounts(canary: best.0, stable: best.1 - best.0)
    }
}
