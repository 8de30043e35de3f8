/// Where an analysis run's argument values come from when it is created: the rollout, its revisions
/// and the Secrets the runtime holds.
public struct AnalysisArgumentSources: Sendable, Hashable {
    /// The rollout, for `valueFrom.fieldRef`.
    public var rollout: Rollout?
    /// The revision being analysed (`podTemplateHashValue: Latest`).
    public var latestHash: String
    /// The stable revision (`podTemplateHashValue: Stable`), if there is one.
    public var stableHash: String?
    /// Secret values by Secret name, then key (already decoded from base64).
    public var secrets: [String: [String: String]]

    /// Creates the sources.
    public init(rollout: Rollout?, latestHash: String, stableHash: String?, secrets: [String: [String: String]] = [:]) {
        self.rollout = rollout
        self.latestHash = latestHash
        self.stableHash = stableHash
        self.secrets = secrets
    }
}
