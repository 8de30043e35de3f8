/// An AnalysisRun: one execution of analysis metrics against a revision.
public struct AnalysisRun: Sendable, Hashable, Codable {
    /// `turnout.dev/v1alpha1` or `argoproj.io/v1alpha1`.
    public var apiVersion: String
    /// Always `AnalysisRun`.
    public var kind: String
    /// Name and labels.
    public var metadata: ObjectMeta
    /// Metrics and arguments, resolved from templates.
    public var spec: AnalysisRunSpec
    /// Measurements and phase so far.
    public var status: AnalysisRunStatus?

    /// Creates a run.
    public init(apiVersion: String = APIGroup.turnout.version, metadata: ObjectMeta, spec: AnalysisRunSpec, status: AnalysisRunStatus? = nil) {
        self.apiVersion = apiVersion
        self.kind = "AnalysisRun"
        self.metadata = metadata
        self.spec = spec
        self.status = status
    }
}

/// The body of an analysis run.
public struct AnalysisRunSpec: Sendable, Hashable, Codable {
    /// The metrics to measure.
    public var metrics: [Metric]
    /// Resolved arguments.
    public var args: [AnalysisArgument]?
    /// Stop measuring and finish with the results so far.
    public var terminate: Bool?
    /// Metrics reported but never counted against the run.
    public var dryRun: [DryRunMetric]?
    /// How many measurements to keep per metric.
    public var measurementRetention: [MeasurementRetention]?

    /// Creates a run spec.
    public init(metrics: [Metric], args: [AnalysisArgument]? = nil) {
        self.metrics = metrics
        self.args = args
    }
}

/// The phase of a measurement, a metric, or a run.
public enum AnalysisPhase: String, Sendable, Hashable, Codable, CaseIterable {
    /// Not started.
    case pending = "Pending"
    /// Measuring.
    case running = "Running"
    /// Passed.
    case successful = "Successful"
    /// Failed its conditions.
    case failed = "Failed"
    /// Could not be measured.
    case error = "Error"
    /// Neither passed nor failed.
    case inconclusive = "Inconclusive"

    /// Whether the phase is final.
    public var isCompleted: Bool {
        switch self {
        case .pending, .running: return false
        case .successful, .failed, .error, .inconclusive: return true
        }
    }

    /// Severity order: Successful < Running < Pending < Inconclusive < Error < Failed; the worst metric decides a run.
    public var severity: Int {
        switch self {
        case .successful: return 0
        case .running: return 1
        case .pending: return 2
        case .inconclusive: return 3
        case .error: return 4
        case .failed: return 5
        }
    }
}

/// What an analysis run has measured so far.
public struct AnalysisRunStatus: Sendable, Hashable, Codable {
    /// The run's phase.
    public var phase: AnalysisPhase
    /// Why the run is in its phase.
    public var message: String?
    /// Per-metric results.
    public var metricResults: [MetricResult]?
    /// When the run started (RFC 3339).
    public var startedAt: String?

    /// Creates a run status.
    public init(phase: AnalysisPhase, message: String? = nil, metricResults: [MetricResult]? = nil) {
        self.phase = phase
        self.message = message
        self.metricResults = metricResults
    }
}

/// The measurements and counters of one metric.
public struct MetricResult: Sendable, Hashable, Codable {
    /// The metric's name.
    public var name: String
    /// The metric's phase.
    public var phase: AnalysisPhase
    /// The most recent measurements, newest last.
    public var measurements: [Measurement]?
    /// Why the metric is in its phase.
    public var message: String?
    /// Measurements taken.
    public var count: Int?
    /// Successful measurements.
    public var successful: Int?
    /// Failed measurements.
    public var failed: Int?
    /// Inconclusive measurements.
    public var inconclusive: Int?
    /// Errored measurements.
    public var error: Int?
    /// Errors in a row.
    public var consecutiveError: Int?
    /// Successes in a row.
    public var consecutiveSuccess: Int?
    /// Whether the metric runs in dry-run mode.
    public var dryRun: Bool?

    /// Creates a result.
    public init(name: String, phase: AnalysisPhase) {
        self.name = name
        self.phase = phase
    }
}

/// One measurement of a metric.
public struct Measurement: Sendable, Hashable, Codable {
    /// Its outcome.
    public var phase: AnalysisPhase
    /// The value the provider returned, as text.
    public var value: String?
    /// Why it has its phase, e.g. a provider error.
    public var message: String?
    /// When it started (RFC 3339).
    public var startedAt: String?
    /// When it finished (RFC 3339).
    public var finishedAt: String?
    /// For a measurement still `Running` (a long query, a Job): when to ask its provider again (RFC 3339);
    /// `nil` asks at the next look.
    public var resumeAt: String?
    /// What the provider needs to resume or stop a `Running` measurement (e.g. the Job's name).
    public var metadata: [String: String]?

    /// Creates a measurement.
    public init(phase: AnalysisPhase, value: String? = nil, message: String? = nil) {
        self.phase = phase
        self.value = value
        self.message = message
    }
}
