/// Round-robin over a pool's replicas, skipping ineligible ones (unhealthy, or the one that just failed).
struct ReplicaCursor {
    private var next = 0

    /// Picks the next eligible index in `0..<count`, advancing the rotation; `nil` when none is eligible.
    mutating func pick(count: Int, isEligible: (Int) -> Bool) -> Int? {
        guard count > 0 else { return nil }
        let start = next % count
        for offset in 0..<count {
            let index = (start + offset) % count
            if isEligible(index) {
                next = index + 1
                return index
            }
        }
        return nil
    }

    /// Picks the replica a sticky hash points at, or the next eligible one after it; does not advance the rotation.
    static func pick(hash: UInt64, count: Int, isEligible: (Int) -> Bool) -> Int? {
        guard count > 0 else { return nil }
        let start = Int(hash % UInt64(count))
        for offset in 0..<count {
            let index = (start + offset) % count
            if isEligible(index) { return index }
        }
        return nil
    }
}
