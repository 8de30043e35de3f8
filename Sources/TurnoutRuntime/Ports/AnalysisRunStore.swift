import TurnoutCore

/// Keeps analysis runs for the analysis-run driver: the runs themselves, their status, and the Secrets their
/// arguments may read. Runs are addressed by key and live in their rollout's namespace.
///
/// Contract: every write is atomic and visible to the next read (write-back, as for `RolloutStore`);
/// `createAnalysisRun` is idempotent (a run with the same key is left as it is); failures that may pass are
/// `RetryableError`s.
public protocol AnalysisRunStore: Sendable {
    /// The runs of a rollout, oldest first (standalone runs under the rollout name `""`).
    func analysisRuns(ofRollout rollout: RolloutKey) async throws -> [AnalysisRunRecord]
    /// The run with a key; `nil` when there is none.
    func analysisRun(_ key: ObjectKey) async throws -> AnalysisRunRecord?
    /// Stores a new run in the namespace of `record.run.metadata`; returns `false` and writes nothing when one with its key exists.
    @discardableResult
    func createAnalysisRun(_ record: AnalysisRunRecord) async throws -> Bool
    /// Replaces a run's status (measurements and phase).
    func updateAnalysisRunStatus(_ status: AnalysisRunStatus, of key: ObjectKey) async throws
    /// Marks a run terminated (`spec.terminate`), keeping its results; returns `false` when there is no such run.
    @discardableResult
    func terminateAnalysisRun(_ key: ObjectKey) async throws -> Bool
    /// The values of the named Secrets of a namespace, by Secret name and key (missing ones left out); empty
    /// when the runtime keeps none. Only these are read: a runtime never needs to list every Secret.
    func secrets(named names: Set<String>, in namespace: String) async throws -> [String: [String: String]]
}
