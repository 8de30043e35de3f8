import Foundation
import TurnoutProxy
import TurnoutRuntime

/// How `turnout up` runs: where state lives, how replicas are started, where the ingress listens.
public struct LocalRuntimeConfiguration: Sendable {
    /// The state directory (database, logs, lock).
    public var stateDirectory: URL
    /// The `turnout` binary, which runs the built-in demo app image.
    public var turnoutBinary: String
    /// Extra images: image reference → argument vector.
    public var images: [String: [String]]
    /// Where the shared Ingress listener binds (port 0: a free port, kept across restarts).
    public var ingressAddress: ListenerConfiguration
    /// Proxy event loop threads.
    public var proxyThreads: Int
    /// Seconds in-flight requests to a stopping replica may take.
    public var drainTimeoutSeconds: Double
    /// Longest time between two looks at a rollout.
    public var resyncIntervalSeconds: Double
    /// Stop every replica when the runtime stops (else leave them running for the next `turnout up` to adopt).
    public var stopsReplicasOnShutdown: Bool
    /// Metric providers by kind, besides `job` which the runtime always has.
    public var metricProviders: @Sendable (ProxyServer) -> [String: any MetricProvider]
    /// The time.
    public var clock: any InstantClock

    /// Creates a configuration with the usual defaults.
    public init(
        stateDirectory: URL,
        turnoutBinary: String,
        images: [String: [String]] = [:],
        ingressAddress: ListenerConfiguration = ListenerConfiguration(name: RouteTableBuilder.ingressListener, port: 0),
        proxyThreads: Int = 1,
        drainTimeoutSeconds: Double = 30,
        resyncIntervalSeconds: Double = 1,
        stopsReplicasOnShutdown: Bool = true,
        metricProviders: @escaping @Sendable (ProxyServer) -> [String: any MetricProvider] = { _ in [:] },
        clock: any InstantClock = SystemClock()
    ) {
        self.stateDirectory = stateDirectory
        self.turnoutBinary = turnoutBinary
        self.images = images
        self.ingressAddress = ingressAddress
        self.proxyThreads = proxyThreads
        self.drainTimeoutSeconds = drainTimeoutSeconds
        self.resyncIntervalSeconds = resyncIntervalSeconds
        self.stopsReplicasOnShutdown = stopsReplicasOnShutdown
        self.metricProviders = metricProviders
        self.clock = clock
    }
}
