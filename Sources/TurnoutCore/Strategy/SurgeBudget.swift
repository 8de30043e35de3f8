/// How far a rollout may go above and below its desired replica count while it moves pods.
///
/// `surge` is how many pods may exist beyond `replicas`; `unavailable` is how many of
/// `replicas` may be missing (not available) at once.
public struct SurgeBudget: Sendable, Hashable {
    /// Pods allowed above the desired replica count.
    public var surge: Int
    /// Pods of the desired replica count allowed to be unavailable.
    public var unavailable: Int

    /// Creates a budget from absolute counts; negative values are treated as zero.
    public init(surge: Int, unavailable: Int) {
        self.surge = max(0, surge)
        self.unavailable = max(0, unavailable)
    }

    /// The default `maxSurge` for canary rollouts and Deployments: 25%.
    public static let defaultMaxSurge = IntOrPercent.percent(25)
    /// The default `maxUnavailable` for canary rollouts and Deployments: 25%.
    public static let defaultMaxUnavailable = IntOrPercent.percent(25)

    /// The fewest pods that must stay available while `replicas` are desired.
    public func minAvailable(replicas: Int) -> Int { max(0, replicas - unavailable) }

    /// The most pods all revisions together may have while `replicas` are desired.
    public func maxTotal(replicas: Int) -> Int { max(0, replicas) + surge }
}

/// Resolves `maxSurge`/`maxUnavailable` against `replicas` the way Kubernetes Deployments and
/// Argo Rollouts do: a surge percentage rounds up, an unavailable percentage rounds down; if both
/// come out as zero, one pod may be unavailable so the rollout can still move; unavailable never
/// exceeds `replicas` and is zero when `replicas` is zero. `nil` means the 25% default.
public func resolveSurgeAndUnavailable(
    maxSurge: IntOrPercent? = nil,
    maxUnavailable: IntOrPercent? = nil,
    replicas: Int
) -> SurgeBudget {
    let total = max(0, replicas)
    let surge = max(0, (maxSurge ?? SurgeBudget.defaultMaxSurge).scaled(of: total, roundingUp: true))
    var unavailable = max(0, (maxUnavailable ?? SurgeBudget.defaultMaxUnavailable).scaled(of: total, roundingUp: false))
    if surge == 0 && unavailable == 0 {
        unavailable = 1
    }
    return SurgeBudget(surge: surge, unavailable: min(unavailable, total))
}
