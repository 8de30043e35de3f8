extension AnalysisRunSpec {
    /// A run's spec from the templates a rollout's analysis names and the analysis itself: the templates'
    /// metrics in order, their argument declarations (the first declaration of a name wins), and the
    /// dry-run and retention rules of templates and rollout together (the rollout's first, so they win).
    public init(templates: [AnalysisTemplate], analysis: RolloutAnalysis) {
        self.init(metrics: templates.flatMap(\.spec.metrics))
        var declared: [AnalysisArgument] = []
        for argument in templates.flatMap({ $0.spec.args ?? [] }) where !declared.contains(where: { $0.name == argument.name }) {
            declared.append(argument)
        }
        args = declared.isEmpty ? nil : declared
        let dryRuns = (analysis.dryRun ?? []) + templates.flatMap { $0.spec.dryRun ?? [] }
        dryRun = dryRuns.isEmpty ? nil : dryRuns
        let retention = (analysis.measurementRetention ?? []) + templates.flatMap { $0.spec.measurementRetention ?? [] }
        measurementRetention = retention.isEmpty ? nil : retention
    }

    /// Whether a metric runs in dry-run mode: a `dryRun` entry names it (exactly, or as a regular
    /// expression matching the whole name, e.g. `.*`).
    public func isDryRun(_ metricName: String) -> Bool {
        (dryRun ?? []).contains { MetricNamePattern.matches($0.metricName, metricName) }
    }

    /// How many measurements of a metric to keep: the first matching `measurementRetention` entry's
    /// limit (at least 1), or 10 (Argo's default).
    public func retentionLimit(_ metricName: String) -> Int {
        guard let rule = (measurementRetention ?? []).first(where: { MetricNamePattern.matches($0.metricName, metricName) }) else { return 10 }
        return max(1, rule.limit)
    }
}
