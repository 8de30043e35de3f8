extension Array where Element == RevisionReplicas {
    /// The sum of the desired counts.
    var totalDesired: Int { reduce(0) { $0 + $1.desired } }

    /// The sum of the available pods that stay after pending scale-downs.
    var totalRetainedAvailable: Int { reduce(0) { $0 + $1.retainedAvailable } }

    /// Lowers each revision's desired count to its available count, in order, removing
    /// at most `limit` pods overall. Removing pods that are not available costs no
    /// availability, and unhealthy pods would otherwise block the rollout forever.
    func droppingUnavailablePods(limit: Int) -> [RevisionReplicas] {
        var budget = Swift.max(0, limit)
        return map { revision in
            let removable = Swift.min(budget, revision.unavailable)
            budget -= removable
            return RevisionReplicas(desired: revision.desired - removable, available: revision.available)
        }
    }

    /// Removes up to `count` pods, taking each revision in order down as far as needed
    /// before touching the next one.
    func scalingDown(by count: Int) -> [RevisionReplicas] {
        var budget = Swift.max(0, count)
        return map { revision in
            let removed = Swift.min(budget, revision.desired)
            budget -= removed
            return RevisionReplicas(desired: revision.desired - removed, available: revision.available)
        }
    }
}
