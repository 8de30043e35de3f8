import TurnoutCore

/// Takes one measurement of a metric.
///
/// Contract: never throws for a failed query; a query that could not be made returns a measurement
/// with phase `error` and a message saying why. A measurement that takes long (a Kubernetes Job, a slow
/// query) must not block the caller: `measure` starts it and returns a `Running` measurement with a
/// `resumeAt` and whatever `metadata` it needs (the Job's name); a later reconcile calls `resume` with that
/// measurement, which returns it finished or still running (with a new `resumeAt`). When the run is
/// terminated meanwhile, `terminate` stops the work and returns the measurement finished.
/// Providers that always finish at once implement `measure` alone.
public protocol MetricProvider: Sendable {
    /// Measures `metric` once for the run's context.
    func measure(_ metric: Metric, context: MeasurementContext) async -> Measurement
    /// Looks again at a measurement `measure` (or an earlier `resume`) left `Running`.
    func resume(_ metric: Metric, measurement: Measurement, context: MeasurementContext) async -> Measurement
    /// Stops the work of a `Running` measurement of a terminated run and returns it finished.
    func terminate(_ metric: Metric, measurement: Measurement, context: MeasurementContext) async -> Measurement
}

extension MetricProvider {
    /// A provider that never leaves a measurement running cannot resume one: the measurement ends in Error.
    public func resume(_ metric: Metric, measurement: Measurement, context: MeasurementContext) async -> Measurement {
        var ended = measurement
        ended.phase = .error
        ended.message = "metric \(metric.name): this provider cannot resume a running measurement"
        return ended
    }

    /// Nothing to stop: the measurement ends Successful, as a terminated run does (Argo's semantics).
    public func terminate(_ metric: Metric, measurement: Measurement, context: MeasurementContext) async -> Measurement {
        var ended = measurement
        ended.phase = .successful
        ended.message = "terminated"
        return ended
    }
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
    /// The namespace of the run (and of anything a provider creates for it, such as a Job).
    public var namespace: String

    /// Creates a context.
    public init(runName: String, arguments: [String: String], revisionHash: String, stableHash: String?, namespace: String = ObjectKey.defaultNamespace) {
        self.runName = runName
        self.arguments = arguments
        self.revisionHash = revisionHash
        self.stableHash = stableHash
        self.namespace = namespace
    }
}
