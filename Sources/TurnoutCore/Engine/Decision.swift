/// What one rollout needs next: the desired world, the new status, and when to look again.
public struct Decision: Sendable, Hashable {
    /// Every revision that should exist, with its desired replicas.
    public var revisions: [RevisionTarget]
    /// Revisions to delete (beyond the history limit).
    public var revisionsToDelete: [String]
    /// Where traffic should go; `nil` leaves the router alone.
    public var traffic: TrafficState?
    /// Analysis runs to create.
    public var analysisRunsToStart: [AnalysisRunRequest]
    /// Analysis runs to terminate, by name.
    public var analysisRunsToTerminate: [String]
    /// The rollout's new status.
    public var status: RolloutStatus
    /// What happened, for people.
    public var events: [RolloutEvent]
    /// Seconds until a timer (pause, delay, deadline) needs a new look; `nil` when only a change will.
    public var requeueAfter: Double?

    /// Creates a decision.
    public init(revisions: [RevisionTarget], revisionsToDelete: [String] = [], traffic: TrafficState?, analysisRunsToStart: [AnalysisRunRequest] = [], analysisRunsToTerminate: [String] = [], status: RolloutStatus, events: [RolloutEvent] = [], requeueAfter: Double? = nil) {
        self.revisions = revisions
        self.revisionsToDelete = revisionsToDelete
        self.traffic = traffic
        self.analysisRunsToStart = analysisRunsToStart
        self.analysisRunsToTerminate = analysisRunsToTerminate
        self.status = status
        self.events = events
        self.requeueAfter = requeueAfter
    }

    /// The target for a revision hash, if any.
    public func revision(_ hash: String?) -> RevisionTarget? {
        revisions.first { $0.hash == hash }
    }
}

/// A revision as it should be.
public struct RevisionTarget: Sendable, Hashable, Codable {
    /// The pod-template hash.
    public var hash: String
    /// The revision number.
    public var number: Int
    /// The template its replicas run.
    public var template: PodTemplate
    /// Desired replicas.
    public var replicas: Int
    /// When to scale it to zero, if a delay is running.
    public var scaleDownAt: Instant?
    /// Restart replicas created before this time (RFC 3339), one at a time.
    public var restartAt: String?
    /// What the revision is to the rollout, so a runtime can label or annotate it; `nil` for an older revision.
    public var role: RevisionRole?

    /// Creates a revision target.
    public init(hash: String, number: Int, template: PodTemplate, replicas: Int, scaleDownAt: Instant? = nil, restartAt: String? = nil, role: RevisionRole? = nil) {
        self.hash = hash
        self.number = number
        self.template = template
        self.replicas = replicas
        self.scaleDownAt = scaleDownAt
        self.restartAt = restartAt
        self.role = role
    }
}

/// What a revision is to its rollout (Argo's `rollouts-pod-template-hash` owners label them the same way).
public enum RevisionRole: String, Sendable, Hashable, Codable, CaseIterable {
    /// Canary: the revision serving production traffic.
    case stable
    /// Canary: the new revision taking a share of traffic.
    case canary
    /// Blue-green: the revision the active service selects.
    case active
    /// Blue-green: the new revision the preview service selects, not yet active.
    case preview
}

/// An analysis run to create from the rollout's templates.
public struct AnalysisRunRequest: Sendable, Hashable, Codable {
    /// The run's name.
    public var name: String
    /// What the run is for.
    public var role: AnalysisRunRole
    /// The templates and arguments.
    public var analysis: RolloutAnalysis
    /// The revision being judged.
    public var revisionHash: String
    /// The stable revision, for `podTemplateHashValue: Stable`.
    public var stableHash: String?

    /// Creates a request.
    public init(name: String, role: AnalysisRunRole, analysis: RolloutAnalysis, revisionHash: String, stableHash: String?) {
        self.name = name
        self.role = role
        self.analysis = analysis
        self.revisionHash = revisionHash
        self.stableHash = stableHash
    }
}

/// Something that happened to a rollout, for people and logs.
public struct RolloutEvent: Sendable, Hashable, Codable {
    /// What happened.
    public var reason: RolloutEventReason
    /// A sentence a person can read.
    public var message: String
    /// Whether it needs attention.
    public var isWarning: Bool

    /// Creates an event.
    public init(_ reason: RolloutEventReason, _ message: String, isWarning: Bool = false) {
        self.reason = reason
        self.message = message
        self.isWarning = isWarning
    }
}

/// Typed event reasons, past tense.
public enum RolloutEventReason: String, Sendable, Hashable, Codable, CaseIterable {
    /// A new revision was created.
    case revisionCreated = "RevisionCreated"
    /// A canary step finished.
    case stepCompleted = "StepCompleted"
    /// Traffic weights changed.
    case trafficWeightChanged = "TrafficWeightChanged"
    /// Blue-green active switched to a new revision.
    case activeSwitched = "ActiveSwitched"
    /// The new revision became stable.
    case revisionPromoted = "RevisionPromoted"
    /// The rollout paused.
    case paused = "RolloutPaused"
    /// The rollout resumed.
    case resumed = "RolloutResumed"
    /// The update was aborted.
    case aborted = "RolloutAborted"
    /// An analysis run was started.
    case analysisRunStarted = "AnalysisRunStarted"
    /// An analysis run finished.
    case analysisRunCompleted = "AnalysisRunCompleted"
    /// The rollout became healthy.
    case completed = "RolloutCompleted"
    /// The progress deadline passed.
    case progressDeadlineExceeded = "ProgressDeadlineExceeded"
    /// A step kind Turnout does not run was skipped.
    case stepSkipped = "StepSkipped"
    /// A router object someone else changed was put back as the rollout asks.
    case trafficRestored = "TrafficRestored"
    /// A reconcile failed in a way retrying alone does not fix (a missing object the strategy names).
    case reconcileFailed = "ReconcileFailed"
}
