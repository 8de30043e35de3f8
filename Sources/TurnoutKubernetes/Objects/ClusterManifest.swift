import Foundation
import KubernetesClient
import TurnoutCore

/// A linted manifest object as it is sent to a cluster: Rollouts, templates and runs re-encoded from the model
/// (so the spellings lint repaired, such as the book's `Strategy:`, reach the API server corrected), every other
/// kind as written.
public enum ClusterManifest {
    /// The JSON object to create or update for a manifest object, in `namespace` unless it names its own.
    public static func object(for manifest: ManifestObject, namespace: String?) throws -> KubernetesJSON {
        var object: KubernetesJSON
        switch manifest {
        case .rollout(var rollout):
            rollout.status = nil
            object = try ClusterRolloutCodec.encode(rollout)
        case .analysisTemplate(let template):
            object = try KubernetesJSON(encoding: template)
        case .analysisRun(var run):
            run.status = nil
            object = try KubernetesJSON(encoding: run)
        case .other(let other):
            object = try KubernetesJSON(encoding: other.document)
        }
        guard let namespace, manifest.isNamespaced, case .object(var fields) = object, case .object(var metadata)? = fields["metadata"] else { return object }
        if metadata["namespace"] == nil || metadata["namespace"] == .null { metadata["namespace"] = .string(namespace) }
        fields["metadata"] = .object(metadata)
        return .object(fields)
    }

    /// The resource of a manifest object's kind, for the kinds the book's manifests use; `nil` for others
    /// (look those up through discovery).
    public static func resource(for manifest: ManifestObject) -> ResourceType? {
        switch manifest {
        case .rollout(let rollout):
            return ClusterResources(group: ClusterRolloutCodec.group(of: rollout)).rollouts
        case .analysisTemplate(let template):
            let resources = ClusterResources(group: TurnoutCore.APIGroup(apiVersion: template.apiVersion) ?? .turnout)
            return template.kind == "ClusterAnalysisTemplate" ? resources.clusterAnalysisTemplates : resources.analysisTemplates
        case .analysisRun(let run):
            return ClusterResources(group: TurnoutCore.APIGroup(apiVersion: run.apiVersion) ?? .turnout).analysisRuns
        case .other(let other):
            switch (other.apiVersion, other.kind) {
            case ("v1", "Service"): return .services
            case ("v1", "ConfigMap"): return .configMaps
            case ("v1", "Secret"): return .secrets
            case ("apps/v1", "Deployment"): return .deployments
            case ("apps/v1", "ReplicaSet"): return .replicaSets
            case ("batch/v1", "Job"): return .jobs
            case ("networking.k8s.io/v1", "Ingress"): return .ingresses
            default: return nil
            }
        }
    }
}

extension ManifestObject {
    /// Whether the object lives in a namespace.
    var isNamespaced: Bool {
        switch self {
        case .analysisTemplate(let template): return template.kind != "ClusterAnalysisTemplate"
        case .rollout, .analysisRun: return true
        case .other(let other): return !["Namespace", "ClusterRole", "ClusterRoleBinding", "CustomResourceDefinition", "IngressClass", "PriorityClass", "StorageClass"].contains(other.kind)
        }
    }
}
