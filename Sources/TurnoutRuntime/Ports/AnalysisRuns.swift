import TurnoutCore

/// Keeps a rollout's analysis runs: creates them from requests, reports their phase, measures them,
/// terminates them. Runs live in their rollout's namespace and are addressed by key. `AnalysisRunDriver`
/// is the implementation every runtime uses, over its own `AnalysisRunStore`.
///
/// Contract: `runs(of:)` only reads; `measureDue(of:)` is the one step that measures, and never blocks on a
/// long measurement (a provider leaves it `Running` and a later call resumes it). `start` with the name of
/// an existing run does nothing; `terminate` of a finished or missing run does nothing.
public protocol AnalysisRuns: Sendable {
    /// The rollout's runs, as stored now.
    func runs(of rollout: Rollout) async throws -> [AnalysisRunState]
    /// Creates a run from the rollout's templates.
    func start(_ request: AnalysisRunRequest, for rollout: Rollout) async throws
    /// Stops a run, keeping its results.
    func terminate(_ key: ObjectKey) async throws
    /// Takes the measurements of the rollout's unfinished runs that are due now, resuming running ones.
    func measureDue(of rollout: Rollout) async throws
}
