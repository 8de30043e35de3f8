import TurnoutCore

/// Where the metrics of an AnalysisTemplate or AnalysisRun come from on a cluster, as apply warnings: `builtin`
/// and `judge` metrics read the router's Prometheus metrics there (the controller needs `--prometheus`). Pure.
public enum ClusterAnalysisChecks {
    /// The warnings for every template and run of a manifest set.
    public static func diagnostics(_ set: ManifestSet) -> [Diagnostic] {
        set.documents.flatMap { document -> [Diagnostic] in
            let metrics: [Metric]
            switch document.object {
            case .analysisTemplate(let template): metrics = template.spec.metrics
            case .analysisRun(let run): metrics = run.spec.metrics
            case .rollout, .other: return []
            }
            return metrics.enumerated().compactMap { index, metric in
                let path = "spec.metrics[\(index)].provider"
                func warning(_ field: String, _ message: String, fix: String) -> Diagnostic {
                    Diagnostic(severity: .warning, location: document.fieldLocations.key("\(path).\(field)"), path: FieldPath(parsing: "\(path).\(field)") ?? [],
                               message: message, fix: fix)
                }
                for (field, isSet) in [("builtin", metric.provider.builtin != nil), ("judge", metric.provider.judge != nil)] where isSet {
                    return warning(field, "on a cluster, \(field) reads ingress-nginx's or Istio's request metrics from Prometheus, not the embedded proxy",
                                   fix: "start `turnout controller --prometheus URL` with a Prometheus that scrapes the router, and route the rollout through nginx or host-split istio")
                }
                return nil
            }
        }
    }
}
