/// The desired state of a rollout, with Argo Rollouts v1alpha1 field names and defaults.
public struct RolloutSpec: Sendable, Hashable, Codable {
    /// Desired replicas (default 1).
    public var replicas: Int?
    /// Selects the rollout's replicas; must match the template's labels.
    public var selector: LabelSelector?
    /// The pod template of the current revision.
    public var template: PodTemplate?
    /// A Deployment whose template and selector are used instead of `template` (resolved by the cluster store).
    public var workloadRef: WorkloadReference?
    /// Seconds a new replica must be ready before it counts as available (default 0).
    public var minReadySeconds: Int?
    /// Old revisions kept for rollback (default 10).
    public var revisionHistoryLimit: Int?
    /// Pauses all progress while true.
    public var paused: Bool?
    /// Seconds without progress before the rollout is Degraded (default 600).
    public var progressDeadlineSeconds: Int?
    /// Abort the update when the progress deadline passes.
    public var progressDeadlineAbort: Bool?
    /// Restart every replica created before this time (RFC 3339).
    public var restartAt: String?
    /// Rolling back to one of the last N revisions skips steps and analysis.
    public var rollbackWindow: RollbackWindow?
    /// How analysis runs are kept.
    public var analysis: AnalysisRunHistory?
    /// Blue-green or canary.
    public var strategy: RolloutStrategy?

    /// Creates a spec.
    public init(replicas: Int? = nil, selector: LabelSelector? = nil, template: PodTemplate? = nil, strategy: RolloutStrategy? = nil) {
        self.replicas = replicas
        self.selector = selector
        self.template = template
        self.strategy = strategy
    }

    /// Desired replicas with the default applied.
    public var effectiveReplicas: Int { max(0, replicas ?? 1) }
    /// Revision history limit with the default applied.
    public var effectiveRevisionHistoryLimit: Int { max(0, revisionHistoryLimit ?? 10) }
    /// Progress deadline with the default applied.
    public var effectiveProgressDeadlineSeconds: Int { progressDeadlineSeconds ?? 600 }
    /// Whether the spec is paused.
    public var isPaused: Bool { paused ?? false }
}

/// `spec.rollbackWindow`.
public struct RollbackWindow: Sendable, Hashable, Codable {
    /// How many recent revisions a rollback may return to without steps or analysis.
    public var revisions: Int?

    /// Creates a rollback window.
    public init(revisions: Int?) {
        self.revisions = revisions
    }
}

/// `spec.analysis`: how many finished analysis runs to keep.
public struct AnalysisRunHistory: Sendable, Hashable, Codable {
    /// Successful runs kept (default 5).
    public var successfulRunHistoryLimit: Int?
    /// Failed, errored or inconclusive runs kept (default 5).
    public var unsuccessfulRunHistoryLimit: Int?
}

/// `spec.strategy`: exactly one of blue-green or canary.
public struct RolloutStrategy: Sendable, Hashable, Codable {
    /// Blue-green: a preview beside the active version, switched at once.
    public var blueGreen: BlueGreenStrategy?
    /// Canary: a growing share of traffic, step by step.
    public var canary: CanaryStrategy?

    /// Creates a strategy.
    public init(blueGreen: BlueGreenStrategy? = nil, canary: CanaryStrategy? = nil) {
        self.blueGreen = blueGreen
        self.canary = canary
    }
}
