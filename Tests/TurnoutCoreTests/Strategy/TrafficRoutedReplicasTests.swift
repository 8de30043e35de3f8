import Testing
import TurnoutCore

@Suite struct TrafficRoutedReplicasTests {
    struct Row: Sendable, CustomTestStringConvertible {
        var name: String
        var replicas: Int
        var weight: Int
        var maxWeight: Int = 100
        var canaryScale: CanaryScaleOverride = .matchTrafficWeight
        var dynamicStableScale = false
        var observed: RoutedTrafficWeights? = nil
        var isAborted = false
        var minPods: Int? = nil
        var canary: Int
        var stable: Int
        var testDescription: String { name }
    }

    /// Argo Rollouts' traffic-routed cases from canary_test.go, expected counts unchanged. An abort is
    /// passed as weight 0, and the setCanaryScale resolution (dropped on abort unless
    /// abortScaleDownDelaySeconds is 0) is done by the caller, as in the engine.
    static let argoRows: [Row] = [
        Row(name: "setCanaryScale.replicas overrides setWeight", replicas: 1, weight: 100,
            canaryScale: .replicas(9), canary: 9, stable: 1),
        Row(name: "setCanaryScale.weight overrides setWeight and may exceed 100%", replicas: 4, weight: 100,
            canaryScale: .weight(200), canary: 8, stable: 4),
        Row(name: "matchTrafficWeight follows setWeight", replicas: 10, weight: 20,
            canaryScale: .matchTrafficWeight, canary: 2, stable: 10),
        Row(name: "aborted with abortScaleDownDelaySeconds 0 keeps the override", replicas: 1, weight: 0,
            canaryScale: .replicas(1), isAborted: true, canary: 1, stable: 1),
        Row(name: "aborted with a scale-down delay drops the override", replicas: 1, weight: 0,
            isAborted: true, canary: 0, stable: 1),
        Row(name: "minPodsPerReplicaSet raises the starting canary", replicas: 10, weight: 5,
            minPods: 2, canary: 2, stable: 10),
        Row(name: "Cap MinPodsPerReplicaSet when it exceeds rollout replicas with trafficRouting", replicas: 1, weight: 100,
            minPods: 2, canary: 1, stable: 1),
        Row(name: "minPodsPerReplicaSet capped at replicas, dynamic stable scale", replicas: 1, weight: 50,
            dynamicStableScale: true, minPods: 2, canary: 1, stable: 1),
        Row(name: "plain traffic routing", replicas: 10, weight: 10, canary: 1, stable: 10),
        Row(name: "dynamic stable scale shrinks stable with its traffic", replicas: 10, weight: 10,
            dynamicStableScale: true, observed: RoutedTrafficWeights(canary: 10, stable: 90), canary: 1, stable: 9),
        Row(name: "dynamic: canary follows desired weight ahead of traffic", replicas: 10, weight: 20,
            dynamicStableScale: true, observed: RoutedTrafficWeights(canary: 10, stable: 90), canary: 2, stable: 9),
        Row(name: "dynamic abort keeps canary while traffic still reaches it", replicas: 10, weight: 0,
            dynamicStableScale: true, observed: RoutedTrafficWeights(canary: 20, stable: 80), isAborted: true,
            canary: 2, stable: 10),
        Row(name: "dynamic abort shrinks canary as its traffic drops", replicas: 10, weight: 0,
            dynamicStableScale: true, observed: RoutedTrafficWeights(canary: 10, stable: 90), isAborted: true,
            canary: 1, stable: 10),
    ]

    /// The spec's rules and further edge cases.
    static let moreRows: [Row] = [
        Row(name: "ceil(weight × replicas / 100)", replicas: 3, weight: 10, canary: 1, stable: 3),
        Row(name: "41% of 10 rounds up", replicas: 10, weight: 41, canary: 5, stable: 10),
        Row(name: "weight 0 means no canary", replicas: 10, weight: 0, canary: 0, stable: 10),
        Row(name: "weight 100 means full canary, stable kept", replicas: 10, weight: 100, canary: 10, stable: 10),
        Row(name: "weight above the maximum is clamped", replicas: 10, weight: 150, canary: 10, stable: 10),
        Row(name: "negative weight is clamped", replicas: 10, weight: -5, canary: 0, stable: 10),
        Row(name: "maxTrafficWeight 1000", replicas: 8, weight: 125, maxWeight: 1000, canary: 1, stable: 8),
        Row(name: "maxTrafficWeight 1000, 0.1% still gets a pod", replicas: 8, weight: 1, maxWeight: 1000, canary: 1, stable: 8),
        Row(name: "maxTrafficWeight 0 means 100", replicas: 10, weight: 30, maxWeight: 0, canary: 3, stable: 10),
        Row(name: "setCanaryScale.weight is a percentage of replicas even with maxTrafficWeight", replicas: 10,
            weight: 100, maxWeight: 1000, canaryScale: .weight(25), canary: 3, stable: 10),
        Row(name: "setCanaryScale.weight 0 gives no canary", replicas: 10, weight: 50,
            canaryScale: .weight(0), canary: 0, stable: 10),
        Row(name: "setCanaryScale.replicas is not raised by minPods", replicas: 10, weight: 50,
            canaryScale: .replicas(1), minPods: 3, canary: 1, stable: 10),
        Row(name: "setCanaryScale.weight is raised by minPods", replicas: 10, weight: 50,
            canaryScale: .weight(10), minPods: 3, canary: 3, stable: 10),
        Row(name: "minPods leaves zero at zero", replicas: 10, weight: 0, minPods: 3, canary: 0, stable: 10),
        Row(name: "minPods does not cap", replicas: 10, weight: 50, minPods: 3, canary: 5, stable: 10),
        Row(name: "zero replicas", replicas: 0, weight: 50, minPods: 2, canary: 0, stable: 0),
        Row(name: "dynamic without observed weights: stable follows 100 − weight", replicas: 10, weight: 30,
            dynamicStableScale: true, canary: 3, stable: 7),
        Row(name: "dynamic: both sides round up", replicas: 3, weight: 50,
            dynamicStableScale: true, canary: 2, stable: 2),
        Row(name: "dynamic: stable = replicas − floor(weight × replicas / 100)", replicas: 10, weight: 41,
            dynamicStableScale: true, canary: 5, stable: 6),
        Row(name: "dynamic: stable keeps pods until traffic has left", replicas: 10, weight: 60,
            dynamicStableScale: true, observed: RoutedTrafficWeights(canary: 20, stable: 80), canary: 6, stable: 8),
        Row(name: "dynamic: full weight empties stable once traffic moved", replicas: 10, weight: 100,
            dynamicStableScale: true, observed: RoutedTrafficWeights(canary: 100, stable: 0), canary: 10, stable: 0),
        Row(name: "dynamic: minPods raises a small stable", replicas: 10, weight: 95,
            dynamicStableScale: true, minPods: 2, canary: 10, stable: 2),
        Row(name: "dynamic: going back down grows stable ahead of traffic", replicas: 10, weight: 20,
            dynamicStableScale: true, observed: RoutedTrafficWeights(canary: 60, stable: 40), canary: 2, stable: 8),
        Row(name: "dynamic: not aborted, canary does not wait for traffic", replicas: 10, weight: 20,
            dynamicStableScale: true, observed: RoutedTrafficWeights(canary: 60, stable: 40), canary: 2, stable: 8),
        Row(name: "dynamic: setCanaryScale does not shrink stable below its traffic", replicas: 10, weight: 30,
            canaryScale: .weight(100), dynamicStableScale: true, canary: 10, stable: 7),
        Row(name: "dynamic: setCanaryScale.replicas with stable sized by traffic", replicas: 10, weight: 20,
            canaryScale: .replicas(1), dynamicStableScale: true, canary: 1, stable: 8),
        Row(name: "dynamic: experiment weight leaves stable below 100 − canary", replicas: 10, weight: 20,
            dynamicStableScale: true, observed: RoutedTrafficWeights(canary: 20, stable: 50), canary: 2, stable: 8),
        Row(name: "dynamic with maxTrafficWeight 1000", replicas: 4, weight: 250, maxWeight: 1000,
            dynamicStableScale: true, observed: RoutedTrafficWeights(canary: 0, stable: 1000), canary: 1, stable: 4),
    ]

    @Test(arguments: argoRows + moreRows)
    func countsForRoutedCanary(_ row: Row) {
        let counts = trafficRoutedCanaryReplicaCounts(
            replicas: row.replicas, weight: row.weight, maxWeight: row.maxWeight,
            canaryScale: row.canaryScale, dynamicStableScale: row.dynamicStableScale,
            observedWeights: row.observed, isAborted: row.isAborted, minPodsPerReplicaSet: row.minPods
        )
        #expect(counts == CanaryReplicaCounts(canary: row.canary, stable: row.stable))
    }

    /// Argo Rollouts' TestTrafficWeightToReplicas plus maxTrafficWeight cases.
    @Test(arguments: [
        (10, 0, 100, 0), (10, 20, 100, 2), (10, 25, 100, 3), (10, 33, 100, 4), (10, 99, 100, 10), (10, 100, 100, 10),
        (10, 250, 1000, 3), (3, 1, 1000, 1), (0, 50, 100, 0), (7, -1, 100, 0), (5, 50, 0, 0), (1, 1, 100, 1),
    ])
    func weightToReplicasRoundsUp(replicas: Int, weight: Int, maxWeight: Int, expected: Int) {
        #expect(trafficWeightToReplicas(replicas: replicas, weight: weight, maxWeight: maxWeight) == expected)
    }

    /// With dynamic stable scale, canary and stable together always cover all traffic:
    /// each side has at least its share of `replicas`, rounded up.
    @Test func dynamicScaleCoversAllTraffic() {
        for replicas in 0...30 {
            for weight in 0...100 {
                let counts = trafficRoutedCanaryReplicaCounts(replicas: replicas, weight: weight, dynamicStableScale: true)
                #expect(counts.canary + counts.stable >= replicas)
                #expect(counts.canary + counts.stable <= replicas + 1)
                #expect(counts.canary * 100 >= weight * replicas)
                #expect(counts.stable * 100 >= (100 - weight) * replicas)
            }
        }
    }
}
