import Testing
@testable import TurnoutProxy

@Suite struct HealthStateTests {
    @Test(arguments: [
        // results, healthy threshold, unhealthy threshold, transitions
        ([true], 1, 1, [HealthState.Transition.becameHealthy]),
        ([true, true], 2, 1, [nil, .becameHealthy]),
        ([true, false, true, true], 2, 3, [nil, nil, nil, .becameHealthy]),
        ([true, false, false], 1, 2, [.becameHealthy, nil, .becameUnhealthy]),
        ([true, false, true, false, false], 1, 2, [.becameHealthy, nil, nil, nil, .becameUnhealthy]),
        ([false, false, false], 1, 1, [nil, nil, nil]),
    ] as [([Bool], Int, Int, [HealthState.Transition?])])
    func thresholdsDecideTransitions(results: [Bool], healthy: Int, unhealthy: Int, expected: [HealthState.Transition?]) {
        var state = HealthState(healthyThreshold: healthy, unhealthyThreshold: unhealthy)
        #expect(results.map { state.record(passed: $0) } == expected)
    }

    @Test func newUpstreamsStartOut() {
        #expect(HealthState(healthyThreshold: 1, unhealthyThreshold: 1).isHealthy == false)
    }
}
