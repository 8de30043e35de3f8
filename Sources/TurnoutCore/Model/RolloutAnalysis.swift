/// A reference from a rollout to analysis templates, with arguments (Argo's `RolloutAnalysis`).
public struct RolloutAnalysis: Sendable, Hashable, Codable {
    /// The templates whose metrics make up the run.
    public var templates: [AnalysisTemplateReference]?
    /// The single-template form of older manifests (`templateName: pass`).
    public var templateName: String?
    /// Arguments passed to the templates.
    public var args: [AnalysisRunArgument]?
    /// Metrics whose results are reported but never fail the run.
    public var dryRun: [DryRunMetric]?
    /// How many measurements to keep per metric.
    public var measurementRetention: [MeasurementRetention]?
    /// Labels and annotations for the run, kept as written.
    public var analysisRunMetadata: JSONValue?

    /// Creates an analysis reference.
    public init(templates: [AnalysisTemplateReference]? = nil, args: [AnalysisRunArgument]? = nil) {
        self.templates = templates
        self.args = args
    }

    /// Every template referenced, including the older single-name form.
    public var allTemplates: [AnalysisTemplateReference] {
        (templates ?? []) + (templateName.map { [AnalysisTemplateReference(templateName: $0)] } ?? [])
    }
}

/// One template reference.
public struct AnalysisTemplateReference: Sendable, Hashable, Codable {
    /// The template's name.
    public var templateName: String
    /// Refers to a ClusterAnalysisTemplate instead of a namespaced one.
    public var clusterScope: Bool?

    /// Creates a reference.
    public init(templateName: String, clusterScope: Bool? = nil) {
        self.templateName = templateName
        self.clusterScope = clusterScope
    }
}

/// An argument given by the rollout to its analysis.
public struct AnalysisRunArgument: Sendable, Hashable, Codable {
    /// The argument's name in the template.
    public var name: String
    /// A literal value.
    public var value: String?
    /// A value taken from the rollout.
    public var valueFrom: ArgumentValueFrom?

    /// Creates an argument with a literal value or a source.
    public init(name: String, value: String? = nil, valueFrom: ArgumentValueFrom? = nil) {
        self.name = name
        self.value = value
        self.valueFrom = valueFrom
    }
}

/// Where a rollout-side argument's value comes from.
public struct ArgumentValueFrom: Sendable, Hashable, Codable {
    /// `Stable` or `Latest`: the pod-template hash of that revision.
    public var podTemplateHashValue: String?
    /// A field of the rollout, e.g. `metadata.labels['app']`.
    public var fieldRef: FieldReference?

    /// Creates a value source.
    public init(podTemplateHashValue: String? = nil, fieldRef: FieldReference? = nil) {
        self.podTemplateHashValue = podTemplateHashValue
        self.fieldRef = fieldRef
    }
}

/// A reference to a field by path.
public struct FieldReference: Sendable, Hashable, Codable {
    /// The field path.
    public var fieldPath: String

    /// Creates a reference.
    public init(fieldPath: String) {
        self.fieldPath = fieldPath
    }
}

/// A metric run in dry-run mode.
public struct DryRunMetric: Sendable, Hashable, Codable {
    /// The metric's name, or a regular expression matching whole names (`.*` for all).
    public var metricName: String

    /// Creates a dry-run rule.
    public init(metricName: String) {
        self.metricName = metricName
    }
}

/// Measurement retention for one metric.
public struct MeasurementRetention: Sendable, Hashable, Codable {
    /// The metric's name (a regular expression in Argo).
    public var metricName: String
    /// Measurements kept.
    public var limit: Int

    /// Creates a retention rule.
    public init(metricName: String, limit: Int) {
        self.metricName = metricName
        self.limit = limit
    }
}
