import TurnoutCore

/// The kind of workload a Rollout stands for: a Rollout, or a Deployment or ReplicaSet that a runtime runs as a
/// Rollout whose canary has no steps (a rolling update). Pure.
///
/// The Rollout made from a Deployment or ReplicaSet carries the annotation `turnout.dev/source-kind` naming it.
public enum WorkloadSource {
    /// The kinds run as a rolling update.
    public static let rollingUpdateKinds: Set<String> = ["Deployment", "ReplicaSet"]
    /// The annotation naming the kind a Rollout was made from.
    public static let kindAnnotation = "turnout.dev/source-kind"

    /// The kind a Rollout was made from: `Rollout` unless it came from a Deployment or ReplicaSet.
    public static func kind(of rollout: Rollout) -> String {
        rollout.metadata.annotations?[kindAnnotation] ?? "Rollout"
    }

    /// Whether `rollout` is a Deployment or ReplicaSet: a rolling update without steps or weights.
    public static func isRollingUpdate(_ rollout: Rollout) -> Bool {
        rollingUpdateKinds.contains(kind(of: rollout))
    }

    /// The strategy as `turnout list` names it: `rollingUpdate` for a Deployment or ReplicaSet, else `blueGreen`
    /// or `canary`.
    public static func strategyName(of rollout: Rollout) -> String {
        isRollingUpdate(rollout) ? "rollingUpdate" : rollout.spec.strategy?.blueGreen != nil ? "blueGreen" : "canary"
    }
}
