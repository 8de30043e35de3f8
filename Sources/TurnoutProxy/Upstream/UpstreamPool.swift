/// The replicas of one revision: requests rotate across the healthy ones.
public struct UpstreamPool: Sendable, Hashable, Codable {
    /// The revision these replicas run (a metrics label and the name `observedRoutes` reports).
    public var revision: String
    /// The replicas' addresses.
    public var upstreams: [UpstreamAddress]
    /// The active health check; `nil` means every replica counts as healthy.
    public var healthCheck: HealthCheck?

    /// Creates a pool.
    public init(revision: String, upstreams: [UpstreamAddress], healthCheck: HealthCheck? = nil) {
        self.revision = revision
        self.upstreams = upstreams
        self.healthCheck = healthCheck
    }
}
