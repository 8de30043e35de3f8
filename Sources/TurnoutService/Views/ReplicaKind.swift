/// What a replica is on its runtime: a process on a single host or a pod on a cluster.
public enum ReplicaKind: String, Sendable, Codable, Hashable, CaseIterable {
    /// A process the single-host runtime supervises.
    case process = "Process"
    /// A Kubernetes pod.
    case pod = "Pod"
}
