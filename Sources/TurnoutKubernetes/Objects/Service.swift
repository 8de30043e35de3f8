import KubernetesClient
import TurnoutCore

/// A `v1` Service, with the parts Turnout reads and changes: its selector and ports.
public struct Service: Codable, Sendable, Hashable {
    /// Name, labels, annotations (the managed-by annotation among them).
    public var metadata: ClusterObjectMeta
    /// Selector, ports, cluster IP.
    public var spec: Spec?

    /// The parts of a Service's spec Turnout reads.
    public struct Spec: Codable, Sendable, Hashable {
        /// The labels of the pods it routes to.
        public var selector: [String: String]?
        /// Its ports.
        public var ports: [Port]?
        /// The virtual IP.
        public var clusterIP: String?
        /// `ClusterIP`, `NodePort`, `LoadBalancer` or `ExternalName`.
        public var type: String?
    }

    /// One port of a Service.
    public struct Port: Codable, Sendable, Hashable {
        /// The port's name.
        public var name: String?
        /// The port the Service listens on.
        public var port: Int
        /// The pods' port, by number or name.
        public var targetPort: IntOrString?
        /// `TCP`, `UDP` or `SCTP`.
        public var `protocol`: String?
    }

    /// The revision hash its selector pins, if any.
    public var selectedHash: String? { spec?.selector?[ClusterMetadata.podTemplateHash] }

    /// The rollout that manages its selector, from the managed-by annotation.
    public var managingRollout: String? { metadata.annotations?[ClusterMetadata.managedByRollout] }
}
