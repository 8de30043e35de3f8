import Testing
@testable import TurnoutCore

@Suite struct RevisionReplicasTests {
    @Test(arguments: [
        (5, 3, 2, 3), (3, 5, 0, 3), (4, 4, 0, 4), (0, 2, 0, 0), (-2, -1, 0, 0),
    ])
    func derivedCounts(desired: Int, available: Int, unavailable: Int, retained: Int) {
        let revision = RevisionReplicas(desired: desired, available: available)
        #expect(revision.unavailable == unavailable)
        #expect(revision.retainedAvailable == retained)
        #expect(revision.desired >= 0 && revision.available >= 0)
    }

    /// Kubernetes' cleanupUnhealthyReplicas cases: 10 desired, 8 ready, cleanup limited.
    @Test(arguments: [(10, 8, 1, 9), (10, 8, 3, 8), (10, 8, 0, 10), (10, 10, 3, 10)])
    func unhealthyCleanupIsLimited(desired: Int, available: Int, limit: Int, expected: Int) {
        let cleaned = [RevisionReplicas(desired: desired, available: available)].droppingUnavailablePods(limit: limit)
        #expect(cleaned.map(\.desired) == [expected])
    }

    @Test(arguments: [
        ([5, 3, 4], 0, [5, 3, 4]), ([5, 3, 4], 6, [0, 2, 4]), ([0, 3], 2, [0, 1]), ([2, 2], 9, [0, 0]),
    ])
    func scaleDownTakesRevisionsInOrder(desired: [Int], count: Int, expected: [Int]) {
        let revisions = desired.map { RevisionReplicas(desired: $0, available: $0) }
        #expect(revisions.scalingDown(by: count).map(\.desired) == expected)
    }

}
