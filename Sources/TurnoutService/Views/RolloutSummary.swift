/// One row of `turnout list`.
public struct RolloutSummary: Sendable, Codable, Hashable {
    /// The rollout's name.
    public var name: String
    /// `blueGreen`, `canary`, or `rollingUpdate` for a Deployment or ReplicaSet.
    public var strategy: String
    /// Healthy, Progressing, Paused or Degraded.
    public var phase: String
    /// The status message.
    public var message: String
    /// Steps done, for canaries with steps.
    public var step: Int?
    /// The number of steps.
    public var stepCount: Int?
    /// Desired replicas.
    public var replicas: Int
    /// Available replicas of all revisions.
    public var available: Int
    /// Percent of traffic the new revision gets.
    public var canaryWeight: Int

    /// Creates a summary.
    public init(name: String, strategy: String, phase: String, message: String, step: Int?, stepCount: Int?, replicas: Int, available: Int, canaryWeight: Int) {
        self.name = name
        self.strategy = strategy
        self.phase = phase
        self.message = message
        self.step = step
        self.stepCount = stepCount
        self.replicas = replicas
        self.available = available
        self.canaryWeight = canaryWeight
    }
}
