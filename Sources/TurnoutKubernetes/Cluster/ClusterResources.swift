import KubernetesClient
import TurnoutCore

/// The custom resources of the API group a cluster's Rollouts live in: Turnout's own or Argo Rollouts'.
public struct ClusterResources: Sendable, Hashable {
    /// The group (`turnout.dev` or `argoproj.io`).
    public var group: TurnoutCore.APIGroup
    /// `rollouts.<group>/v1alpha1`.
    public var rollouts: ResourceType
    /// `analysistemplates.<group>/v1alpha1`.
    public var analysisTemplates: ResourceType
    /// `clusteranalysistemplates.<group>/v1alpha1` (cluster-scoped).
    public var clusterAnalysisTemplates: ResourceType
    /// `analysisruns.<group>/v1alpha1`.
    public var analysisRuns: ResourceType

    /// The resources of a group.
    public init(group: TurnoutCore.APIGroup) {
        self.group = group
        rollouts = ResourceType(group: group.rawValue, version: "v1alpha1", plural: "rollouts", namespaced: true)
        analysisTemplates = ResourceType(group: group.rawValue, version: "v1alpha1", plural: "analysistemplates", namespaced: true)
        clusterAnalysisTemplates = ResourceType(group: group.rawValue, version: "v1alpha1", plural: "clusteranalysistemplates", namespaced: false)
        analysisRuns = ResourceType(group: group.rawValue, version: "v1alpha1", plural: "analysisruns", namespaced: true)
    }

    /// The `apiVersion` of the group's objects, e.g. `argoproj.io/v1alpha1`.
    public var apiVersion: String { group.version }

    /// The owner reference a ReplicaSet, AnalysisRun or Job created for a rollout carries.
    public func ownerReference(toRollout name: String, uid: String) -> OwnerReference {
        OwnerReference(apiVersion: apiVersion, kind: "Rollout", name: name, uid: uid, controller: true, blockOwnerDeletion: true)
    }
}
