import Testing
import TurnoutLocal

@Suite struct CrashBackoffTests {
    @Test(arguments: [(1, 1.0), (2, 2.0), (3, 4.0), (4, 8.0), (5, 16.0), (6, 30.0), (7, 30.0), (100, 30.0), (0, 1.0)])
    func doublesUpToTheCap(crashes: Int, seconds: Double) {
        #expect(CrashBackoff().delay(afterConsecutiveCrashes: crashes) == seconds)
    }

    @Test(arguments: [(0, 5.0, 1), (3, 5.0, 4), (3, 599.0, 4), (3, 600.0, 1), (7, 3600.0, 1)])
    func aLongRunForgetsEarlierCrashes(previous: Int, ranSeconds: Double, expected: Int) {
        #expect(CrashBackoff().consecutiveCrashes(previous: previous, runSeconds: ranSeconds) == expected)
    }

    @Test func smallBaseForTests() {
        let backoff = CrashBackoff(initialSeconds: 0.25, maximumSeconds: 1)
        #expect((1...5).map { backoff.delay(afterConsecutiveCrashes: $0) } == [0.25, 0.5, 1, 1, 1])
    }
}
