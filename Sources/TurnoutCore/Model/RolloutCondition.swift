/// A condition on a rollout, Kubernetes style.
public struct RolloutCondition: Sendable, Hashable, Codable {
    /// What the condition is about.
    public var type: RolloutConditionType
    /// `True`, `False` or `Unknown`.
    public var status: ConditionStatus
    /// Why, as a typed reason.
    public var reason: ConditionReason
    /// A sentence a person can read.
    public var message: String
    /// When the condition last changed status.
    public var lastTransitionTime: Instant
    /// When the condition was last updated (progress resets it).
    public var lastUpdateTime: Instant

    /// Creates a condition.
    public init(type: RolloutConditionType, status: ConditionStatus, reason: ConditionReason, message: String, at time: Instant) {
        self.type = type
        self.status = status
        self.reason = reason
        self.message = message
        self.lastTransitionTime = time
        self.lastUpdateTime = time
    }
}

/// Condition types.
public enum RolloutConditionType: String, Sendable, Hashable, Codable, CaseIterable {
    /// Enough replicas are available.
    case available = "Available"
    /// The update is moving (or has stopped moving).
    case progressing = "Progressing"
    /// The rollout is paused.
    case paused = "Paused"
    /// The desired revision is stable and healthy.
    case healthy = "Healthy"
    /// The last update finished.
    case completed = "Completed"
    /// The data plane serves the traffic the engine asked for (Turnout's own; Argo has no such condition).
    case trafficVerified = "TrafficVerified"
    /// The spec cannot be acted on.
    case invalidSpec = "InvalidSpec"
}

/// A condition's truth value.
public enum ConditionStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// Holds.
    case `true` = "True"
    /// Does not hold.
    case `false` = "False"
    /// Not known.
    case unknown = "Unknown"
}

/// Typed reasons for conditions.
public enum ConditionReason: String, Sendable, Hashable, Codable, CaseIterable {
    /// A new revision was created.
    case newReplicaSetCreated = "NewReplicaSetCreated"
    /// Revisions were scaled or traffic moved.
    case replicaSetUpdated = "ReplicaSetUpdated"
    /// The new revision is fully available.
    case newReplicaSetAvailable = "NewReplicaSetAvailable"
    /// Enough replicas are available.
    case availableReason = "AvailableReason"
    /// Not enough replicas are available.
    case notAvailable = "NotAvailable"
    /// Paused.
    case rolloutPaused = "RolloutPaused"
    /// Resumed after a pause.
    case rolloutResumed = "RolloutResumed"
    /// The update was aborted.
    case rolloutAborted = "RolloutAborted"
    /// An aborted update was retried.
    case rolloutRetry = "RolloutRetry"
    /// No progress within `progressDeadlineSeconds`.
    case progressDeadlineExceeded = "ProgressDeadlineExceeded"
    /// The update finished.
    case rolloutCompleted = "RolloutCompleted"
    /// An analysis run failed or errored.
    case rolloutAnalysisRunFailed = "AnalysisRunFailed"
    /// An analysis run was inconclusive.
    case inconclusiveAnalysisRun = "InconclusiveAnalysisRun"
    /// The spec cannot be acted on.
    case invalidSpec = "InvalidSpec"
    /// The data plane has not yet confirmed the desired traffic.
    case trafficNotVerified = "TrafficWeightNotVerified"
    /// The data plane confirmed the desired traffic.
    case trafficVerified = "TrafficWeightVerified"
}
