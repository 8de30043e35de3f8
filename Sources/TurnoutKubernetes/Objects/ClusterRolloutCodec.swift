import Foundation
import KubernetesClient
import TurnoutCore

/// Turns Rollout objects of a cluster into TurnoutCore rollouts and back, as the group's schema wants them:
/// Turnout-only status fields in annotations for `argoproj.io` (its schema prunes them), and
/// `status.observedGeneration` as a string there (see docs/compatibility.md).
public enum ClusterRolloutCodec {
    /// The group a rollout belongs to, from its `apiVersion`; Turnout's own when it names neither.
    public static func group(of rollout: Rollout) -> TurnoutCore.APIGroup {
        TurnoutCore.APIGroup(apiVersion: rollout.apiVersion) ?? .turnout
    }

    /// The rollout as read from the cluster, with its Turnout-only status fields restored.
    public static func loaded(_ rollout: Rollout) -> Rollout {
        rollout.loadingStatusExtensions(for: group(of: rollout))
    }

    /// Decodes a Rollout object from the API server's JSON.
    public static func decode(_ object: KubernetesJSON) throws -> Rollout {
        loaded(try object.decoded(as: Rollout.self))
    }

    /// The rollout in the form its group stores: extensions moved to annotations, encoded for the group's schema.
    public static func encode(_ rollout: Rollout) throws -> KubernetesJSON {
        let group = group(of: rollout)
        let encoder = JSONEncoder()
        encoder.userInfo[.observedGenerationFormat] = group.observedGenerationFormat
        let data = try encoder.encode(rollout.storingStatusExtensions(for: group))
        return try JSONDecoder().decode(KubernetesJSON.self, from: data)
    }

    /// The body of a `PUT …/status` that replaces the status of `rollout` (as last read) with `status`, guarded by
    /// the rollout's resourceVersion.
    public static func statusUpdate(of rollout: Rollout, to status: RolloutStatus) throws -> KubernetesJSON {
        var updated = rollout
        updated.status = status
        return try encode(updated)
    }

    /// The annotations a status needs on the rollout object (Turnout-only fields for `argoproj.io`), as a merge
    /// patch guarded by the rollout's resourceVersion; `nil` when the stored annotations already say so.
    public static func extensionAnnotationsPatch(of rollout: Rollout, to status: RolloutStatus) -> Patch? {
        let group = group(of: rollout)
        guard group.prunesStatusExtensions else { return nil }
        var updated = rollout
        updated.status = status
        let wanted = updated.storingStatusExtensions(for: group).metadata.annotations ?? [:]
        let current = rollout.metadata.annotations ?? [:]
        var changes: [String: KubernetesJSON] = [:]
        for key in StatusExtensionAnnotation.all where current[key] != wanted[key] {
            changes[key] = wanted[key].map { .string($0) } ?? .null
        }
        guard !changes.isEmpty else { return nil }
        var metadata: [String: KubernetesJSON] = ["annotations": .object(changes)]
        if let version = rollout.metadata.resourceVersion { metadata["resourceVersion"] = .string(version) }
        return .merge(["metadata": .object(metadata)])
    }
}
