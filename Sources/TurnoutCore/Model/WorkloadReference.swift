/// `spec.workloadRef`: an existing workload whose pod template and selector the rollout runs (Argo's
/// migration path from a Deployment), and how that workload is scaled down once the rollout runs.
public struct WorkloadReference: Sendable, Hashable, Codable {
    /// `apps/v1`.
    public var apiVersion: String?
    /// `Deployment`.
    public var kind: String?
    /// The workload's name, in the rollout's namespace.
    public var name: String?
    /// `never` (default), `onsuccess` or `progressively`.
    public var scaleDown: String?

    /// Creates a reference.
    public init(apiVersion: String? = nil, kind: String? = nil, name: String? = nil, scaleDown: String? = nil) {
        self.apiVersion = apiVersion
        self.kind = kind
        self.name = name
        self.scaleDown = scaleDown
    }

    /// How the referenced workload is scaled down.
    public enum ScaleDown: String, Sendable, Hashable, CaseIterable {
        /// Left as it is.
        case never
        /// Scaled to 0 once the rollout's first revision is healthy.
        case onsuccess
        /// Scaled down by as many replicas as the rollout's first revision has ready, to 0 once it is healthy.
        case progressively
    }

    /// The scale-down mode, `never` when unset; `nil` for a value Argo does not define.
    public var scaleDownMode: ScaleDown? {
        guard let scaleDown, !scaleDown.isEmpty else { return .never }
        return ScaleDown(rawValue: scaleDown)
    }

    /// Whether it names an `apps/v1` Deployment, the one kind Turnout resolves.
    public var isDeployment: Bool { apiVersion == "apps/v1" && kind == "Deployment" }

    /// The replicas the workload should have now, given the rollout's first revision; `nil` to leave it.
    /// Argo scales down only while migrating: when the rollout's current revision is its first.
    public static func workloadReplicas(mode: ScaleDown, isFirstRevision: Bool, isHealthy: Bool, rolloutReplicas: Int, readyReplicas: Int) -> Int? {
        guard isFirstRevision else { return nil }
        switch mode {
        case .never: return nil
        case .onsuccess: return isHealthy ? 0 : nil
        case .progressively:
            if isHealthy { return 0 }
            return readyReplicas > 0 ? max(0, rolloutReplicas - readyReplicas) : nil
        }
    }
}
