/// The canary scale in effect from the latest `setCanaryScale` step, resolved by the engine.
///
/// Argo's rules for *which* step applies stay with the engine: `setCanaryScale` only counts with a
/// traffic router, a later `matchTrafficWeight: true` cancels an earlier override, and after an
/// abort the override is dropped unless `abortScaleDownDelaySeconds` is 0.
public enum CanaryScaleOverride: Sendable, Hashable {
    /// No override: the canary is sized from its traffic weight (`matchTrafficWeight: true`, or no step).
    case matchTrafficWeight
    /// `setCanaryScale.replicas`: exactly this many canary pods.
    case replicas(Int)
    /// `setCanaryScale.weight`: this percentage of `spec.replicas`, rounded up (may exceed 100).
    case weight(Int)
}
