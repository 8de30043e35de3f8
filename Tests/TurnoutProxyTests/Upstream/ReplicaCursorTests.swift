import Testing
@testable import TurnoutProxy

@Suite struct ReplicaCursorTests {
    @Test func rotatesAcrossEligibleReplicas() {
        var cursor = ReplicaCursor()
        let healthy = [true, false, true, true]
        let picks = (0..<6).compactMap { _ in cursor.pick(count: 4) { healthy[$0] } }
        #expect(picks == [0, 2, 3, 0, 2, 3])
    }

    @Test func noEligibleReplicaIsNil() {
        var cursor = ReplicaCursor()
        #expect(cursor.pick(count: 3) { _ in false } == nil)
        #expect(cursor.pick(count: 0) { _ in true } == nil)
    }

    @Test func stickyPickIsStableAndSkipsUnhealthy() {
        let hash: UInt64 = 7
        #expect(ReplicaCursor.pick(hash: hash, count: 3) { _ in true } == 1)
        #expect(ReplicaCursor.pick(hash: hash, count: 3) { $0 != 1 } == 2)
    }
}
