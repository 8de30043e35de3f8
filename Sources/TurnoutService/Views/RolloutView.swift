import TurnoutCore

/// Everything `turnout get rollout NAME` shows.
public struct RolloutView: Sendable, Codable {
    /// The rollout with its status.
    public var rollout: Rollout
    /// Its revisions, newest first.
    public var revisions: [RevisionView]
    /// The traffic the data plane reports.
    public var traffic: TrafficState?
    /// Its analysis runs, newest first.
    public var analysisRuns: [AnalysisRunView]
    /// Where its services listen.
    public var listeners: [ListenerView]

    /// Creates a view.
    public init(rollout: Rollout, revisions: [RevisionView], traffic: TrafficState?, analysisRuns: [AnalysisRunView], listeners: [ListenerView]) {
        self.rollout = rollout
        self.revisions = revisions
        self.traffic = traffic
        self.analysisRuns = analysisRuns
        self.listeners = listeners
    }
}
