import Testing
import TurnoutCore
import TurnoutLocal

@Suite struct ReadinessStateTests {
    static let start = Instant(secondsSinceEpoch: 1_000)

    /// Runs probe results one second apart and returns readiness after each.
    static func readiness(_ results: [Bool], success: Int, failure: Int) -> [Bool] {
        var state = ReadinessState(check: ReadinessCheck(action: .tcpConnect, successThreshold: success, failureThreshold: failure), startedAt: start)
        return results.enumerated().map { offset, passed in
            state.record(passed: passed, at: start.adding(seconds: Double(offset + 1)))
            return state.isReady
        }
    }

    @Test(arguments: [
        ([true], 1, 3, [true]),
        ([false, false, true], 1, 3, [false, false, true]),
        ([true, true, true], 3, 3, [false, false, true]),
        ([true, false, true, true], 2, 3, [false, false, false, true]),
        ([true, false, false, true], 1, 3, [true, true, true, true]),
        ([true, false, false, false], 1, 3, [true, true, true, false]),
        ([true, false, false, false, true], 1, 3, [true, true, true, false, true]),
        ([true, false, true, false, false], 1, 2, [true, true, true, true, false]),
    ])
    func followsKubernetesThresholds(results: [Bool], success: Int, failure: Int, expected: [Bool]) {
        #expect(Self.readiness(results, success: success, failure: failure) == expected)
    }

    @Test func probesAfterTheInitialDelayThenEveryPeriodAndFasterUntilFirstReady() {
        var state = ReadinessState(check: ReadinessCheck(action: .tcpConnect, initialDelaySeconds: 5, periodSeconds: 2), startedAt: Self.start)
        #expect(state.nextProbe == Self.start.adding(seconds: 5))
        state.record(passed: false, at: Self.start.adding(seconds: 5))
        #expect(state.nextProbe == Self.start.adding(seconds: 5 + ReadinessState.startupPeriodSeconds))
        state.record(passed: true, at: Self.start.adding(seconds: 6))
        #expect(state.nextProbe == Self.start.adding(seconds: 8))

        var slow = ReadinessState(check: ReadinessCheck(action: .tcpConnect, periodSeconds: 2, successThreshold: 2), startedAt: Self.start)
        slow.record(passed: true, at: Self.start)
        #expect(slow.nextProbe == Self.start.adding(seconds: 2))
    }

    @Test func availableAfterMinReadySeconds() {
        var state = ReadinessState(check: ReadinessCheck(action: .tcpConnect), startedAt: Self.start)
        #expect(!state.isAvailable(minReadySeconds: 0, at: Self.start))
        state.record(passed: true, at: Self.start.adding(seconds: 1))
        #expect(state.readySince == Self.start.adding(seconds: 1))
        #expect(state.isAvailable(minReadySeconds: 0, at: Self.start.adding(seconds: 1)))
        #expect(!state.isAvailable(minReadySeconds: 5, at: Self.start.adding(seconds: 5.9)))
        #expect(state.isAvailable(minReadySeconds: 5, at: Self.start.adding(seconds: 6)))
    }
}
