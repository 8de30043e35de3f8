/// One object loaded from a manifest document.
public enum ManifestObject: Sendable, Hashable {
    /// A Rollout.
    case rollout(Rollout)
    /// An AnalysisTemplate or ClusterAnalysisTemplate.
    case analysisTemplate(AnalysisTemplate)
    /// An AnalysisRun.
    case analysisRun(AnalysisRun)
    /// Any other Kubernetes object, kept whole for the runtimes.
    case other(KubernetesObject)

    /// `kind/name` for messages.
    public var reference: String {
        switch self {
        case .rollout(let rollout): return "Rollout/\(rollout.name)"
        case .analysisTemplate(let template): return "\(template.kind)/\(template.name)"
        case .analysisRun(let run): return "AnalysisRun/\(run.metadata.name ?? "")"
        case .other(let object): return "\(object.kind)/\(object.name)"
        }
    }
}
