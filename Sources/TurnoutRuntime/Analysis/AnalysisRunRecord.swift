import TurnoutCore

/// An analysis run the runtime started for a rollout (or one applied on its own): the resolved run (spec
/// and status, in the rollout's namespace) and what it judges.
public struct AnalysisRunRecord: Sendable, Hashable {
    /// The rollout the run belongs to.
    public var rollout: String
    /// What the run is for (background, a step, pre- or post-promotion).
    public var role: AnalysisRunRole
    /// The pod-template hash of the revision being judged.
    public var revisionHash: String
    /// The run, with metrics and arguments resolved and its status so far.
    public var run: AnalysisRun
    /// Whether the run was told to stop; its results are kept.
    public var isTerminated: Bool
    /// When the run was created.
    public var createdAt: Instant

    /// Creates a record; the run's name is `run.metadata.name`.
    public init(rollout: String, role: AnalysisRunRole, revisionHash: String, run: AnalysisRun, isTerminated: Bool = false, createdAt: Instant) {
        self.rollout = rollout
        self.role = role
        self.revisionHash = revisionHash
        self.run = run
        self.isTerminated = isTerminated
        self.createdAt = createdAt
    }

    /// The run's key: its namespace (`default` when it names none) and name.
    public var key: ObjectKey {
        ObjectKey(namespace: run.metadata.namespace.flatMap { $0.isEmpty ? nil : $0 } ?? ObjectKey.defaultNamespace, name: name)
    }

    /// The run's name, or an empty string when its metadata has none.
    public var name: String { run.metadata.name ?? "" }

    /// The run's phase; `pending` until it has a status.
    public var phase: AnalysisPhase { run.status?.phase ?? .pending }

    /// The run as the engine sees it.
    public var state: AnalysisRunState {
        AnalysisRunState(name: name, phase: phase, message: run.status?.message)
    }
}
