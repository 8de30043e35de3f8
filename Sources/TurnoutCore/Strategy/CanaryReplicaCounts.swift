/// The scale a canary step asks of the canary (new) and stable revisions.
public struct CanaryReplicaCounts: Sendable, Hashable {
    /// Pods for the canary revision.
    public var canary: Int
    /// Pods for the stable revision.
    public var stable: Int

    /// Creates a pair of counts.
    public init(canary: Int, stable: Int) {
        self.canary = canary
        self.stable = stable
    }
}

extension CanaryReplicaCounts: CustomStringConvertible {
    /// Renders as `canary=C stable=S`.
    public var description: String { "canary=\(canary) stable=\(stable)" }
}
