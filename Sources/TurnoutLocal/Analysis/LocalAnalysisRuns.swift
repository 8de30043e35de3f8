import TurnoutCore
import TurnoutRuntime

/// The single-host `AnalysisRuns`: the shared `AnalysisRunDriver` over the SQLite store (runs, templates,
/// Secrets) with the host's metric providers, plus runs addressed by name in the store's one namespace and
/// AnalysisRuns applied on their own.
public struct LocalAnalysisRuns: AnalysisRuns {
    /// The annotation that keeps the stable revision a run compares against (for the judge).
    public static let stableHashAnnotation = AnalysisRunDriver.stableHashAnnotation

    let store: LocalStore
    /// The driver every runtime shares.
    let driver: AnalysisRunDriver

    /// Creates the adapter; `providers` maps a provider kind (`job`, `web`, ...) to its implementation.
    public init(store: LocalStore, providers: [String: any MetricProvider], clock: any InstantClock) {
        self.store = store
        driver = AnalysisRunDriver(store: store, templates: store, providers: MetricProviders(providers), clock: clock)
    }

    /// The rollout's runs as stored; nothing is measured.
    public func runs(of rollout: Rollout) async throws -> [AnalysisRunState] {
        try await driver.runs(of: rollout)
    }

    /// Creates the run from the store's templates (see `AnalysisRunDriver.makeRun`); it is measured by `measureDue`.
    public func start(_ request: AnalysisRunRequest, for rollout: Rollout) async throws {
        try await driver.start(request, for: rollout)
    }

    /// Stops the run with a key; a key in another namespace names no run.
    public func terminate(_ key: ObjectKey) async throws {
        try await driver.terminate(key)
    }

    /// Stops the run with a name in the store's namespace; a run that has not failed ends Successful.
    public func terminate(_ name: String) async throws {
        try await driver.terminate(store.key(named: name))
    }

    /// Takes the due measurements of the rollout's runs.
    public func measureDue(of rollout: Rollout) async throws {
        try await driver.measureDue(of: rollout)
    }
}
