/// An AnalysisTemplate (namespaced) or ClusterAnalysisTemplate: metrics that judge a revision.
public struct AnalysisTemplate: Sendable, Hashable, Codable {
    /// `turnout.dev/v1alpha1` or `argoproj.io/v1alpha1`.
    public var apiVersion: String
    /// `AnalysisTemplate` or `ClusterAnalysisTemplate`.
    public var kind: String
    /// Name and labels.
    public var metadata: ObjectMeta
    /// The metrics and arguments.
    public var spec: AnalysisTemplateSpec

    /// Creates a template.
    public init(apiVersion: String = APIGroup.turnout.version, kind: String = "AnalysisTemplate", metadata: ObjectMeta, spec: AnalysisTemplateSpec) {
        self.apiVersion = apiVersion
        self.kind = kind
        self.metadata = metadata
        self.spec = spec
    }

    /// The template's name, or an empty string when the manifest has none.
    public var name: String { metadata.name ?? "" }
    /// Whether this is a ClusterAnalysisTemplate.
    public var isClusterScoped: Bool { kind == "ClusterAnalysisTemplate" }
}

/// The body of an analysis template (and of an analysis run).
public struct AnalysisTemplateSpec: Sendable, Hashable, Codable {
    /// What to measure and how to judge it.
    public var metrics: [Metric]
    /// Arguments the metrics refer to as `{{args.name}}`.
    public var args: [AnalysisArgument]?
    /// Metrics reported but never counted against the run.
    public var dryRun: [DryRunMetric]?
    /// How many measurements to keep per metric.
    public var measurementRetention: [MeasurementRetention]?

    /// Creates a template spec.
    public init(metrics: [Metric], args: [AnalysisArgument]? = nil) {
        self.metrics = metrics
        self.args = args
    }
}

/// A template-side argument, with an optional default.
public struct AnalysisArgument: Sendable, Hashable, Codable {
    /// The argument's name.
    public var name: String
    /// The default (or given) value.
    public var value: String?
    /// A secret or field the value comes from.
    public var valueFrom: AnalysisArgumentValueFrom?

    /// Creates an argument.
    public init(name: String, value: String? = nil, valueFrom: AnalysisArgumentValueFrom? = nil) {
        self.name = name
        self.value = value
        self.valueFrom = valueFrom
    }
}

/// Where a template-side argument's value comes from.
public struct AnalysisArgumentValueFrom: Sendable, Hashable, Codable {
    /// A key of a Secret.
    public var secretKeyRef: SecretKeyReference?
    /// A field of the rollout.
    public var fieldRef: FieldReference?

    /// Creates a value source.
    public init(secretKeyRef: SecretKeyReference? = nil, fieldRef: FieldReference? = nil) {
        self.secretKeyRef = secretKeyRef
        self.fieldRef = fieldRef
    }
}

/// A key of a Secret.
public struct SecretKeyReference: Sendable, Hashable, Codable {
    /// The Secret's name.
    public var name: String
    /// The key in the Secret.
    public var key: String

    /// Creates a reference.
    public init(name: String, key: String) {
        self.name = name
        self.key = key
    }
}
