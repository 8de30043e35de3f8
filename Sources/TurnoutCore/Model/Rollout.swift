/// A Rollout: a workload that moves from one revision to the next by a blue-green or canary strategy.
public struct Rollout: Sendable, Hashable, Codable {
    /// `turnout.dev/v1alpha1` or `argoproj.io/v1alpha1`.
    public var apiVersion: String
    /// Always `Rollout`.
    public var kind: String
    /// Name, namespace, labels, annotations.
    public var metadata: ObjectMeta
    /// What the user asked for.
    public var spec: RolloutSpec
    /// What the controller last observed and decided.
    public var status: RolloutStatus?

    /// Creates a rollout.
    public init(apiVersion: String = APIGroup.turnout.version, metadata: ObjectMeta, spec: RolloutSpec, status: RolloutStatus? = nil) {
        self.apiVersion = apiVersion
        self.kind = "Rollout"
        self.metadata = metadata
        self.spec = spec
        self.status = status
    }

    /// The rollout's name, or an empty string when the manifest has none.
    public var name: String { metadata.name ?? "" }
}

/// The API groups whose Rollout and analysis kinds Turnout reads.
public enum APIGroup: String, Sendable, CaseIterable {
    /// Turnout's own group.
    case turnout = "turnout.dev"
    /// Argo Rollouts' group, accepted for drop-in compatibility.
    case argo = "argoproj.io"

    /// The group with its only version, e.g. `turnout.dev/v1alpha1`.
    public var version: String { "\(rawValue)/v1alpha1" }

    /// The group an `apiVersion` names, if it is one of Turnout's.
    public init?(apiVersion: String) {
        guard let group = APIGroup.allCases.first(where: { $0.version == apiVersion }) else { return nil }
        self = group
    }
}
