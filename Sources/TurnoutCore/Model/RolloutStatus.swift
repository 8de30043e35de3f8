/// What the engine last observed and decided for a rollout (Argo-compatible field names).
///
/// Coding (`RolloutStatus+Codable.swift`): `observedGeneration` reads a string or an integer and is written as
/// the encoder's `observedGenerationFormat` asks (integer unless told otherwise; Argo's schema wants a string).
/// The Turnout-only fields (`retries`, `abortReason`, `canary.activeRoutes`) are pruned by an `argoproj.io`
/// CRD; `RolloutStatus+Extensions.swift` moves them to and from annotations for such a store.
public struct RolloutStatus: Sendable, Hashable {
    /// Healthy, Progressing, Paused or Degraded.
    public var phase: RolloutPhase?
    /// A sentence a person can read.
    public var message: String?
    /// The spec generation this status describes.
    public var observedGeneration: Int?
    /// The pod-template hash of the desired revision.
    public var currentPodHash: String?
    /// The pod-template hash of the revision that serves production.
    public var stableRS: String?
    /// The canary step being worked on; equals the step count when all are done.
    public var currentStepIndex: Int?
    /// Why and since when the engine is pausing.
    public var pauseConditions: [PauseCondition]?
    /// Whether the engine (not the user) paused the rollout.
    public var controllerPause: Bool?
    /// The update was aborted: traffic back to stable until retried.
    public var abort: Bool?
    /// When the update was aborted.
    public var abortedAt: Instant?
    /// Why the update was aborted (Turnout extension).
    public var abortReason: String?
    /// How many times an aborted update has been retried (Turnout extension; names new analysis runs).
    public var retries: Int?
    /// Skip the remaining steps and analysis.
    public var promoteFull: Bool?
    /// The last `spec.restartAt` that has been carried out.
    public var restartedAt: String?
    /// Replicas of all revisions.
    public var replicas: Int?
    /// Replicas of the desired revision.
    public var updatedReplicas: Int?
    /// Ready replicas of all revisions.
    public var readyReplicas: Int?
    /// Available replicas of all revisions.
    public var availableReplicas: Int?
    /// Conditions with typed reasons.
    public var conditions: [RolloutCondition]?
    /// Canary-specific status.
    public var canary: CanaryStatus?
    /// Blue-green-specific status.
    public var blueGreen: BlueGreenStatus?
    /// The label selector of the pods counted in `hpaReplicas`, as text (`app=demo`), for the scale subresource.
    public var selector: String?
    /// The replicas the HorizontalPodAutoscaler sees (`status.HPAReplicas`): all revisions' pods for a canary,
    /// the active revision's for blue-green.
    public var hpaReplicas: Int?

    /// Creates an empty status.
    public init() {}

    /// Whether the update is aborted.
    public var isAborted: Bool { abort ?? false }
    /// The pause conditions, empty when none.
    public var activePauseConditions: [PauseCondition] { pauseConditions ?? [] }
    /// The condition of a type, if set.
    public func condition(_ type: RolloutConditionType) -> RolloutCondition? {
        conditions?.first { $0.type == type }
    }
}

/// The phase a rollout is in.
public enum RolloutPhase: String, Sendable, Hashable, Codable, CaseIterable {
    /// The desired revision is stable and fully available.
    case healthy = "Healthy"
    /// An update is under way.
    case progressing = "Progressing"
    /// Waiting for a person or a duration.
    case paused = "Paused"
    /// Aborted, failed analysis, or past its progress deadline.
    case degraded = "Degraded"
}

/// Why the rollout is paused, and since when.
public struct PauseCondition: Sendable, Hashable, Codable {
    /// The reason.
    public var reason: PauseReason
    /// When the pause began.
    public var startTime: Instant

    /// Creates a pause condition.
    public init(reason: PauseReason, startTime: Instant) {
        self.reason = reason
        self.startTime = startTime
    }
}

/// Reasons the engine pauses a rollout.
public enum PauseReason: String, Sendable, Hashable, Codable, CaseIterable {
    /// A canary `pause` step.
    case canaryPauseStep = "CanaryPauseStep"
    /// Blue-green waiting for promotion.
    case blueGreenPause = "BlueGreenPause"
    /// An analysis run was inconclusive.
    case inconclusiveAnalysis = "InconclusiveAnalysisRun"
}

/// Canary-specific status.
public struct CanaryStatus: Sendable, Hashable, Codable {
    /// The traffic weights in effect, as the router reports them.
    public var weights: TrafficWeights?
    /// The analysis run of the current analysis step.
    public var currentStepAnalysisRunStatus: RolloutAnalysisRunStatus?
    /// The background analysis run.
    public var currentBackgroundAnalysisRunStatus: RolloutAnalysisRunStatus?
    /// Header and mirror routes in effect, by name.
    public var activeRoutes: [String]?

    /// Creates an empty canary status.
    public init() {}
}

/// Weights of the canary and stable revisions.
public struct TrafficWeights: Sendable, Hashable, Codable {
    /// The canary's weight and revision.
    public var canary: WeightDestination
    /// The stable revision's weight and revision.
    public var stable: WeightDestination
    /// Whether the router reported these weights in effect.
    public var verified: Bool?

    /// Creates weights.
    public init(canary: WeightDestination, stable: WeightDestination, verified: Bool?) {
        self.canary = canary
        self.stable = stable
        self.verified = verified
    }
}

/// One revision's share of traffic.
public struct WeightDestination: Sendable, Hashable, Codable {
    /// Percent of traffic.
    public var weight: Int
    /// The revision's pod-template hash.
    public var podTemplateHash: String?

    /// Creates a destination.
    public init(weight: Int, podTemplateHash: String?) {
        self.weight = weight
        self.podTemplateHash = podTemplateHash
    }
}

/// Blue-green-specific status.
public struct BlueGreenStatus: Sendable, Hashable, Codable {
    /// The revision the active service selects.
    public var activeSelector: String?
    /// The revision the preview service selects.
    public var previewSelector: String?
    /// Whether the preview has been scaled to full before the switch.
    public var scaleUpPreviewCheckPoint: Bool?
    /// The pre-promotion analysis run.
    public var prePromotionAnalysisRunStatus: RolloutAnalysisRunStatus?
    /// The post-promotion analysis run.
    public var postPromotionAnalysisRunStatus: RolloutAnalysisRunStatus?

    /// Creates an empty blue-green status.
    public init() {}
}

/// A rollout's view of one of its analysis runs.
public struct RolloutAnalysisRunStatus: Sendable, Hashable, Codable {
    /// The run's name.
    public var name: String
    /// The run's phase.
    public var status: AnalysisPhase
    /// The run's message.
    public var message: String?

    /// Creates a run status.
    public init(name: String, status: AnalysisPhase, message: String? = nil) {
        self.name = name
        self.status = status
        self.message = message
    }
}
