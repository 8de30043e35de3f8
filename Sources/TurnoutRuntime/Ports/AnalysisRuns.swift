import TurnoutCore

/// Keeps a rollout's analysis runs: creates them from requests, reports their phase, terminates them.
///
/// Contract: `start` with the name of an existing run does nothing; `terminate` of a finished or
/// missing run does nothing.
public protocol AnalysisRuns: Sendable {
    /// The rollout's runs, as observed now.
    func runs(of rollout: Rollout) async throws -> [AnalysisRunState]
    /// Creates a run from the rollout's templates.
    func start(_ request: AnalysisRunRequest, for rollout: Rollout) async throws
    /// Stops a run, keeping its results.
    func terminate(_ name: String) async throws
}
