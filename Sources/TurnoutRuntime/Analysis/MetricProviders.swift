import TurnoutCore

/// The metric providers of a runtime, by provider kind (`job`, `web`, `prometheus`, ...), with an optional
/// provider for every other kind (a simulation answers for all of them).
public struct MetricProviders: Sendable {
    /// Providers by kind.
    public var byKind: [String: any MetricProvider]
    /// The provider for kinds `byKind` does not have; `nil` makes those measurements errors.
    public var fallback: (any MetricProvider)?

    /// Creates a set of providers.
    public init(_ byKind: [String: any MetricProvider], fallback: (any MetricProvider)? = nil) {
        self.byKind = byKind
        self.fallback = fallback
    }

    /// The provider of a metric's first provider kind, or the fallback; `nil` when there is none.
    public func provider(for metric: Metric) -> (any MetricProvider)? {
        metric.provider.kindNames.first.flatMap { byKind[$0] } ?? fallback
    }
}
