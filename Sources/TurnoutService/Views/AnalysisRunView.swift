import TurnoutCore

/// An analysis run with its metrics' latest measurements.
public struct AnalysisRunView: Sendable, Codable {
    /// The run's name.
    public var name: String
    /// What it is for (`background`, `step2`, `pre`, `post`).
    public var role: String
    /// The run with its status.
    public var run: AnalysisRun

    /// Creates a run view.
    public init(name: String, role: String, run: AnalysisRun) {
        self.name = name
        self.role = role
        self.run = run
    }
}
