import TurnoutCore
import TurnoutRuntime

extension LocalAnalysisRuns {
    /// The rollout name standalone runs are kept under in the store.
    public static let standaloneRollout = ""

    /// Starts an AnalysisRun applied on its own, with its metrics and arguments as written, and takes what is
    /// due; a run with the same name is left as it is (runs are not updated by a second apply).
    public func startStandalone(_ run: AnalysisRun) async throws {
        guard let name = run.metadata.name, try store.analysisRun(named: name) == nil else { return }
        let now = driver.clock.now()
        var run = run
        var status = AnalysisRunStatus(phase: run.spec.metrics.isEmpty ? .error : .running)
        status.startedAt = now.rfc3339
        if run.spec.metrics.isEmpty { status.message = "the run has no metrics" }
        run.status = status
        let record = AnalysisRunRecord(rollout: Self.standaloneRollout, role: .standalone, revisionHash: "", run: run, createdAt: now)
        _ = try store.createAnalysisRun(record)
        if run.spec.terminate == true {
            try await terminate(name)
        }
        try await measureStandaloneRuns()
    }

    /// Takes the due measurements of every standalone run that is still running.
    public func measureStandaloneRuns() async throws {
        try await driver.measureDue(ofRollout: store.key(named: Self.standaloneRollout))
    }
}
