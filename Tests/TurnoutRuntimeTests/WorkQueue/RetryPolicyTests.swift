import Testing
import TurnoutRuntime

@Suite struct RetryPolicyTests {
    @Test(arguments: [
        (1, RetryReason.conflict, 0.05), (2, .conflict, 0.1), (3, .transient, 0.2), (8, .conflict, 6.4), (9, .conflict, 10.0),
        (40, .transient, 10.0), (0, .conflict, 0.05),
    ])
    func retryableFailuresDoubleFromAShortBaseUpToTenSeconds(failures: Int, reason: RetryReason, seconds: Double) {
        #expect(abs(RetryPolicy.standard.delay(afterFailures: failures, reason: reason) - seconds) < 1e-9)
    }

    @Test(arguments: [(1, 0.5), (2, 1.0), (5, 8.0), (6, 10.0), (100, 10.0)])
    func otherFailuresDoubleFromALongerBaseUpToTenSeconds(failures: Int, seconds: Double) {
        #expect(abs(RetryPolicy.standard.delay(afterFailures: failures, reason: nil) - seconds) < 1e-9)
    }
}
