import KubernetesClient

/// A `batch/v1` Job: the spec is kept as written (it comes from a metric's `provider.job.spec`), the status read.
public struct Job: Codable, Sendable, Hashable {
    /// `batch/v1`.
    public var apiVersion: String? = "batch/v1"
    /// `Job`.
    public var kind: String? = "Job"
    /// Name, labels, owner references.
    public var metadata: ClusterObjectMeta
    /// The Job's spec, verbatim.
    public var spec: KubernetesJSON?
    /// What the Job controller reports.
    public var status: Status?

    /// Creates a Job.
    public init(metadata: ClusterObjectMeta, spec: KubernetesJSON?) {
        self.metadata = metadata
        self.spec = spec
    }

    /// A Job's progress.
    public struct Status: Codable, Sendable, Hashable {
        /// Pods running now.
        public var active: Int?
        /// Pods that succeeded.
        public var succeeded: Int?
        /// Pods that failed.
        public var failed: Int?
        /// `Complete` or `Failed` once finished.
        public var conditions: [Condition]?
    }

    /// One Job condition.
    public struct Condition: Codable, Sendable, Hashable {
        /// `Complete`, `Failed`, `Suspended`…
        public var type: String
        /// `True`, `False` or `Unknown`.
        public var status: String
        /// Why, machine-readable.
        public var reason: String?
        /// Why, for people.
        public var message: String?
    }

    /// How the Job ended, or `nil` while it runs.
    public var outcome: Outcome? {
        let conditions = status?.conditions ?? []
        if let failed = conditions.first(where: { $0.type == "Failed" && $0.status == "True" }) {
            return .failed(reason: failed.message ?? failed.reason ?? "the Job failed")
        }
        if conditions.contains(where: { $0.type == "Complete" && $0.status == "True" }) { return .succeeded }
        return nil
    }

    /// How a Job ended.
    public enum Outcome: Sendable, Hashable {
        /// Its pods succeeded.
        case succeeded
        /// It failed (backoff limit reached, deadline passed…), with the Job controller's reason.
        case failed(reason: String)
    }
}
