import TurnoutCore

/// How `turnout controller` runs.
public struct ControllerConfiguration: Sendable, Hashable {
    /// The API group whose Rollouts it reconciles.
    public var group: TurnoutCore.APIGroup
    /// The one namespace it watches; `nil` watches all.
    public var namespace: String?
    /// Rollouts reconciled at once.
    public var workers: Int
    /// Who this controller is, in events and the leader Lease (the pod name in a cluster).
    public var identity: String
    /// The Prometheus the `builtin` provider reads the routers' metrics from.
    public var prometheusAddress: String?

    /// Creates a configuration.
    public init(group: TurnoutCore.APIGroup = .turnout, namespace: String? = nil, workers: Int = 4, identity: String, prometheusAddress: String? = nil) {
        self.group = group
        self.namespace = namespace
        self.workers = workers
        self.identity = identity
        self.prometheusAddress = prometheusAddress
    }
}
