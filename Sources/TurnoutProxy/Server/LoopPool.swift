/// One pool of one route on one event loop: round-robin over its eligible replicas, and its metrics shard.
final class LoopPool {
    /// The revision the pool runs.
    let revision: String
    /// The replicas, in table order.
    let members: [LoopUpstream]
    /// Where this pool's requests are counted.
    let metrics: RevisionMetrics
    @exclusivity(unchecked) private var cursor = ReplicaCursor()

    /// Creates a pool.
    init(revision: String, members: [LoopUpstream], metrics: RevisionMetrics) {
        self.revision = revision
        self.members = members
        self.metrics = metrics
    }

    /// Picks a replica that is healthy and not draining, other than `excluded`: by sticky hash when given, else round-robin.
    func pick(stickyHash: UInt64? = nil, excluding excluded: LoopUpstream? = nil) -> LoopUpstream? {
        let members = self.members
        let eligible: (Int) -> Bool = { members[$0].isEligible && members[$0] !== excluded }
        let index: Int?
        if let stickyHash {
            index = ReplicaCursor.pick(hash: stickyHash, count: members.count, isEligible: eligible)
        } else {
            index = cursor.pick(count: members.count, isEligible: eligible)
        }
        return index.map { members[$0] }
    }

    /// Whether any replica may take a request.
    var hasEligibleMember: Bool { members.contains { $0.isEligible } }
}
