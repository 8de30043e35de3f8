import TurnoutCore

/// Takes one measurement of a metric.
///
/// Contract: never throws for a failed query; a query that could not be made returns a measurement
/// with phase `error` and a message saying why.
public protocol MetricProvider: Sendable {
    /// Measures `metric` once for the run's context.
    func measure(_ metric: Metric, context: MeasurementContext) async -> Measurement
}

/// What a measurement is about.
public struct MeasurementContext: Sendable, Hashable {
    /// The analysis run's name.
    public var runName: String
    /// Resolved template arguments by name.
    public var arguments: [String: String]
    /// The revision being judged.
    public var revisionHash: String
    /// The stable revision, if any.
    public var stableHash: String?

    /// Creates a context.
    public init(runName: String, arguments: [String: String], revisionHash: String, stableHash: String?) {
        self.runName = runName
        self.arguments = arguments
        self.revisionHash = revisionHash
        self.stableHash = stableHash
    }
}
