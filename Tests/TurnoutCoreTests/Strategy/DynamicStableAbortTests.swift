import Testing
import TurnoutCore

@Suite struct DynamicStableAbortTests {
    struct Row: Sendable, CustomTestStringConvertible {
        var name: String
        var replicas = 10
        var steps: [Int]
        var canary: RevisionReplicas
        var stable: RevisionReplicas
        var observed: RoutedTrafficWeights
        var hasExplicitDelay = false
        var expectedCanary: Int
        var expectedStable: Int
        var testDescription: String { name }
    }

    /// The counts the engine decides for an aborted dynamicStableScale canary: step weight, then the routed arithmetic.
    static func counts(_ row: Row) -> CanaryReplicaCounts {
        let weight = dynamicAbortStepWeight(
            replicas: row.replicas, stepWeights: row.steps, canaryAvailable: row.canary.available,
            stableAvailable: row.stable.available, hasExplicitDelay: row.hasExplicitDelay)
        return trafficRoutedCanaryReplicaCounts(
            replicas: row.replicas, weight: weight, dynamicStableScale: true, observedWeights: row.observed, isAborted: true)
    }

    /// Argo Rollouts' TestCalculateReplicaCountsForCanaryTrafficRoutingDynamicScale, abort rows (#4035). Argo's
    /// test rollout has the steps setWeight 20 (its `newRollout` helper) then setWeight 60; expected counts unchanged.
    static let argoRows: [Row] = [
        Row(name: "stable up to the next canary step down: 6 canary / 4 stable at 60/40 → (6,8)", steps: [20, 60],
            canary: .init(desired: 6, available: 6), stable: .init(desired: 4, available: 4),
            observed: RoutedTrafficWeights(canary: 60, stable: 40), expectedCanary: 6, expectedStable: 8),
        Row(name: "fewer canary pods than its weight needs", steps: [20, 60],
            canary: .init(desired: 1, available: 1), stable: .init(desired: 4, available: 4),
            observed: RoutedTrafficWeights(canary: 60, stable: 40), expectedCanary: 6, expectedStable: 8),
        Row(name: "stable pods asked for but not yet available", steps: [20, 60],
            canary: .init(desired: 2, available: 2), stable: .init(desired: 8, available: 4),
            observed: RoutedTrafficWeights(canary: 60, stable: 40), expectedCanary: 6, expectedStable: 8),
    ]

    @Test(arguments: argoRows)
    func abortBringsStableBackStepByStep(_ row: Row) {
        #expect(Self.counts(row) == CanaryReplicaCounts(canary: row.expectedCanary, stable: row.expectedStable))
    }

    struct WeightRow: Sendable, CustomTestStringConvertible {
        var name: String
        var hasExplicitDelay: Bool
        var stableAvailable: Int
        var expected: Int
        var testDescription: String { name }
    }

    /// Argo Rollouts' TestGetDesiredCanaryWeightOnAbortWithScaleDownDelay (#4898): 10 replicas, steps 10 and 50,
    /// 5 canary pods available. An explicit delay of 0 counts as no explicit delay (the canary is never scaled down).
    @Test(arguments: [
        WeightRow(name: "no explicit delay: weight held up by the canary's size", hasExplicitDelay: false, stableAvailable: 9, expected: 10),
        WeightRow(name: "explicit delay: weight steps down while stable scales up", hasExplicitDelay: true, stableAvailable: 5, expected: 10),
        WeightRow(name: "explicit delay: weight reaches zero once stable nearly covers replicas", hasExplicitDelay: true, stableAvailable: 9, expected: 0),
        WeightRow(name: "explicit zero delay: weight held up by the canary's size", hasExplicitDelay: false, stableAvailable: 9, expected: 10),
    ])
    func stepWeightOnAbort(_ row: WeightRow) {
        let weight = dynamicAbortStepWeight(
            replicas: 10, stepWeights: [10, 50], canaryAvailable: 5, stableAvailable: row.stableAvailable, hasExplicitDelay: row.hasExplicitDelay)
        #expect(weight == row.expected)
    }

    /// Argo's "stable scales to spec.Replicas once weight reaches zero".
    @Test func stableScalesFullOnceTheStepWeightIsZero() {
        let weight = dynamicAbortStepWeight(replicas: 10, stepWeights: [10, 50], canaryAvailable: 5, stableAvailable: 9, hasExplicitDelay: true)
        let counts = trafficRoutedCanaryReplicaCounts(
            replicas: 10, weight: weight, dynamicStableScale: true, observedWeights: RoutedTrafficWeights(canary: 10, stable: 90), isAborted: true)
        #expect(counts.stable == 10)
    }

    struct RouterRow: Sendable, CustomTestStringConvertible {
        var name: String
        var stepWeight: Int
        var stableAvailable: Int
        var observed: Int?
        var expected: Int
        var testDescription: String { name }
    }

    /// Argo's calculateDesiredWeightOnAbortOrStableRollback: traffic leaves the canary as stable pods become available.
    @Test(arguments: [
        RouterRow(name: "stable still scaling up: weight held", stepWeight: 20, stableAvailable: 4, observed: 60, expected: 60),
        RouterRow(name: "stable can carry 80%: weight down to the step", stepWeight: 20, stableAvailable: 8, observed: 60, expected: 20),
        RouterRow(name: "no step left: what stable cannot carry", stepWeight: 0, stableAvailable: 8, observed: 20, expected: 20),
        RouterRow(name: "stable full: weight 0", stepWeight: 0, stableAvailable: 10, observed: 20, expected: 0),
        RouterRow(name: "a flapping stable never raises the weight again", stepWeight: 0, stableAvailable: 7, observed: 20, expected: 20),
        RouterRow(name: "unknown observed weight: the higher of step and stable shortfall", stepWeight: 20, stableAvailable: 4, observed: nil, expected: 60),
    ])
    func routerWeightOnAbort(_ row: RouterRow) {
        let weight = dynamicAbortRouterWeight(replicas: 10, stepWeight: row.stepWeight, stableAvailable: row.stableAvailable, observedCanaryWeight: row.observed)
        #expect(weight == row.expected)
    }

    /// Walks an abort from 6 canary / 4 stable at 60/40 with instant pods and router: the total never exceeds
    /// what one step needs, the weight only falls, and it ends at 0 with all replicas on stable.
    @Test func abortWalksDownWithoutASurge() {
        var canary = RevisionReplicas(desired: 6, available: 6)
        var stable = RevisionReplicas(desired: 4, available: 4)
        var observed = 60
        var weights: [Int] = [observed]
        for _ in 0..<20 {
            let step = dynamicAbortStepWeight(replicas: 10, stepWeights: [20, 60], canaryAvailable: canary.available, stableAvailable: stable.available, hasExplicitDelay: false)
            let counts = trafficRoutedCanaryReplicaCounts(
                replicas: 10, weight: step, dynamicStableScale: true,
                observedWeights: RoutedTrafficWeights(canary: observed, stable: 100 - observed), isAborted: true)
            #expect(counts.canary + counts.stable <= 14)
            canary = RevisionReplicas(desired: counts.canary, available: counts.canary)
            stable = RevisionReplicas(desired: counts.stable, available: counts.stable)
            let next = dynamicAbortRouterWeight(replicas: 10, stepWeight: step, stableAvailable: stable.available, observedCanaryWeight: observed)
            #expect(next <= observed)
            if next != observed { weights.append(next) }
            observed = next
        }
        #expect(weights == [60, 20, 0])
        #expect(canary.desired == 0)
        #expect(stable.desired == 10)
    }
}
