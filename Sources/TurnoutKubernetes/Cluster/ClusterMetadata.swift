/// The label and annotation names Turnout reads and writes on a cluster. They are Argo Rollouts' names, so
/// objects an Argo installation made are understood and a drop-in switch in either direction keeps working.
public enum ClusterMetadata {
    /// Label on ReplicaSets, pods, AnalysisRuns and Service selectors: the revision's pod-template hash.
    public static let podTemplateHash = "rollouts-pod-template-hash"
    /// Annotation on a ReplicaSet (and the Rollout): the revision number.
    public static let revision = "rollout.argoproj.io/revision"
    /// Annotation on a ReplicaSet: the replicas its rollout wants overall.
    public static let desiredReplicas = "rollout.argoproj.io/desired-replicas"
    /// Annotation on a ReplicaSet: when it is to be scaled to zero (RFC 3339), so a restarted controller keeps the delay.
    public static let scaleDownDeadline = "scale-down-deadline"
    /// Annotation on a ReplicaSet: the `restartAt` all its pods have been restarted for.
    public static let restartedAt = "turnout.dev/restarted-at"
    /// Annotation on a Service whose selector a rollout manages: the rollout's name.
    public static let managedByRollout = "argo-rollouts.argoproj.io/managed-by-rollouts"
    /// Label on an AnalysisRun a rollout started: what it is for (`Background`, `Step`, `BlueGreenPrePromotion`, `BlueGreenPostPromotion`).
    public static let rolloutType = "rollout-type"
    /// Label on an AnalysisRun a step started: the step's index.
    public static let stepIndex = "step-index"
    /// Label on everything the controller creates: who made it.
    public static let managedBy = "app.kubernetes.io/managed-by"
    /// The value of `managedBy`, and the field manager of the controller's writes.
    public static let controllerName = "turnout"
}
