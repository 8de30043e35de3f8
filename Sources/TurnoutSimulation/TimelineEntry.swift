/// One row of a simulated timeline: the state after a reconcile that changed something people see.
public struct TimelineEntry: Sendable, Hashable, Codable {
    /// Simulated seconds since the update was applied.
    public var t: Double
    /// The canary step index, or `nil` for blue-green and when no step applies.
    public var step: Int?
    /// Replicas of the version that was stable before the update.
    public var stableReplicas: Int
    /// Replicas of the new version (the preview, for blue-green).
    public var canaryReplicas: Int
    /// Percent of production traffic the new version actually receives.
    public var canaryWeight: Int
    /// The rollout's phase.
    public var phase: String
    /// The rollout's status message.
    public var message: String

    /// Creates an entry.
    public init(t: Double, step: Int?, stableReplicas: Int, canaryReplicas: Int, canaryWeight: Int, phase: String, message: String) {
        self.t = t
        self.step = step
        self.stableReplicas = stableReplicas
        self.canaryReplicas = canaryReplicas
        self.canaryWeight = canaryWeight
        self.phase = phase
        self.message = message
    }

    /// Whether two entries show the same state, ignoring time.
    func showsSameState(as other: TimelineEntry) -> Bool {
        step == other.step && stableReplicas == other.stableReplicas && canaryReplicas == other.canaryReplicas
            && canaryWeight == other.canaryWeight && phase == other.phase && message == other.message
    }
}
