/// The kinds of objects as people type them: one table of aliases (`ro`, `deploy`, `svc`, …) for every command and
/// runtime. Pure.
public enum ObjectKind {
    /// Lower-cased singular, plural and short names by the kind they stand for.
    public static let aliases: [String: String] = {
        let names: [String: [String]] = [
            "Rollout": ["rollout", "rollouts", "ro"],
            "Deployment": ["deployment", "deployments", "deploy"],
            "ReplicaSet": ["replicaset", "replicasets", "rs"],
            "Service": ["service", "services", "svc"],
            "Ingress": ["ingress", "ingresses", "ing"],
            "AnalysisTemplate": ["analysistemplate", "analysistemplates", "at"],
            "ClusterAnalysisTemplate": ["clusteranalysistemplate", "clusteranalysistemplates", "cat"],
            "AnalysisRun": ["analysisrun", "analysisruns", "ar"],
            "Secret": ["secret", "secrets"],
            "ConfigMap": ["configmap", "configmaps", "cm"],
        ]
        var aliases: [String: String] = [:]
        for (kind, words) in names {
            for word in words { aliases[word] = kind }
        }
        return aliases
    }()

    /// The kind a word names, e.g. `rollouts` or `ro` → `Rollout`, `svc` → `Service`; any other word with its first
    /// letter capitalised (`PodDisruptionBudget` stays as written).
    public static func canonical(_ word: String) -> String {
        aliases[word.lowercased()] ?? word.prefix(1).uppercased() + word.dropFirst()
    }
}
