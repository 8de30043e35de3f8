/// The traffic weights a router reports as in effect, in units of the rollout's maximum weight.
public struct RoutedTrafficWeights: Sendable, Hashable {
    /// The weight currently sent to the canary.
    public var canary: Int
    /// The weight currently sent to the stable revision.
    public var stable: Int

    /// Creates observed weights.
    public init(canary: Int, stable: Int) {
        self.canary = canary
        self.stable = stable
    }
}
