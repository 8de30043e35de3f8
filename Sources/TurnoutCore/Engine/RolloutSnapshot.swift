/// Everything observed about one rollout: its spec and last status, its revisions, the data plane, its analysis runs.
public struct RolloutSnapshot: Sendable, Hashable {
    /// The rollout as stored, with its last status.
    public var rollout: Rollout
    /// Every revision that exists, in any order.
    public var revisions: [RevisionState]
    /// What the traffic router reports in effect; `nil` when nothing has been routed yet.
    public var traffic: TrafficState?
    /// The rollout's analysis runs.
    public var analysisRuns: [AnalysisRunState]

    /// Creates a snapshot.
    public init(rollout: Rollout, revisions: [RevisionState] = [], traffic: TrafficState? = nil, analysisRuns: [AnalysisRunState] = []) {
        self.rollout = rollout
        self.revisions = revisions
        self.traffic = traffic
        self.analysisRuns = analysisRuns
    }

    /// The revision with a pod-template hash, if it exists.
    public func revision(_ hash: String?) -> RevisionState? {
        guard let hash else { return nil }
        return revisions.first { $0.hash == hash }
    }

    /// The analysis run with a name, if it exists.
    public func analysisRun(named name: String) -> AnalysisRunState? {
        analysisRuns.first { $0.name == name }
    }
}

/// One revision (a ReplicaSet on Kubernetes, a group of processes locally) as observed.
public struct RevisionState: Sendable, Hashable, Codable {
    /// The pod-template hash that names the revision.
    public var hash: String
    /// The revision number; higher is newer.
    public var number: Int
    /// The template its replicas run.
    public var template: PodTemplate
    /// Replicas currently asked of it.
    public var replicas: Int
    /// Replicas passing readiness.
    public var readyReplicas: Int
    /// Replicas ready for at least `minReadySeconds`.
    public var availableReplicas: Int
    /// When it is to be scaled to zero, if a delay is running.
    public var scaleDownAt: Instant?
    /// The last `restartAt` its replicas have all been restarted for.
    public var restartedAt: String?

    /// Creates a revision state.
    public init(hash: String, number: Int, template: PodTemplate, replicas: Int, readyReplicas: Int, availableReplicas: Int, scaleDownAt: Instant? = nil, restartedAt: String? = nil) {
        self.hash = hash
        self.number = number
        self.template = template
        self.replicas = replicas
        self.readyReplicas = readyReplicas
        self.availableReplicas = availableReplicas
        self.scaleDownAt = scaleDownAt
        self.restartedAt = restartedAt
    }

    /// The counts the replica arithmetic works with.
    public var counts: RevisionReplicas {
        RevisionReplicas(desired: replicas, available: availableReplicas)
    }
}

/// What an analysis run is for.
public enum AnalysisRunRole: Sendable, Hashable, Codable {
    /// A canary background run.
    case background
    /// A canary analysis step at an index.
    case step(Int)
    /// Blue-green pre-promotion.
    case prePromotion
    /// Blue-green post-promotion.
    case postPromotion
    /// A run applied on its own, not started by a rollout.
    case standalone

    /// A short label used in run names and output.
    public var label: String {
        switch self {
        case .background: return "background"
        case .step(let index): return "step\(index)"
        case .prePromotion: return "pre"
        case .postPromotion: return "post"
        case .standalone: return "standalone"
        }
    }
}

/// An analysis run as the engine sees it.
public struct AnalysisRunState: Sendable, Hashable, Codable {
    /// The run's name.
    public var name: String
    /// The run's phase.
    public var phase: AnalysisPhase
    /// Why it is in that phase.
    public var message: String?

    /// Creates a run state.
    public init(name: String, phase: AnalysisPhase, message: String? = nil) {
        self.name = name
        self.phase = phase
        self.message = message
    }
}
