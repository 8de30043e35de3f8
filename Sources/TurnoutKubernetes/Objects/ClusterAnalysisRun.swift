import Foundation
import KubernetesClient
import TurnoutCore
import TurnoutRuntime

/// An AnalysisRun object of a cluster: TurnoutCore's run, with the cluster metadata (owner references,
/// creation time) that say which rollout started it and when.
public struct ClusterAnalysisRun: Decodable, Sendable, Hashable {
    /// The run as TurnoutCore models it.
    public var run: AnalysisRun
    /// The object's metadata as the API server returned it.
    public var objectMeta: ClusterObjectMeta

    private enum CodingKeys: String, CodingKey { case metadata }

    /// Creates a run object.
    public init(run: AnalysisRun, objectMeta: ClusterObjectMeta) {
        self.run = run
        self.objectMeta = objectMeta
    }

    public init(from decoder: any Decoder) throws {
        run = try AnalysisRun(from: decoder)
        objectMeta = try decoder.container(keyedBy: CodingKeys.self).decode(ClusterObjectMeta.self, forKey: .metadata)
    }

    /// The run's `rollout-type` label value for a role (Argo's names).
    public static func rolloutType(of role: AnalysisRunRole) -> String? {
        switch role {
        case .background: return "Background"
        case .step: return "Step"
        case .prePromotion: return "BlueGreenPrePromotion"
        case .postPromotion: return "BlueGreenPostPromotion"
        case .standalone: return nil
        }
    }

    /// The role its labels name; `standalone` for a run no rollout started.
    public var role: AnalysisRunRole {
        let labels = objectMeta.labels ?? [:]
        switch labels[ClusterMetadata.rolloutType] {
        case "Background": return .background
        case "Step": return .step(labels[ClusterMetadata.stepIndex].flatMap { Int($0) } ?? 0)
        case "BlueGreenPrePromotion": return .prePromotion
        case "BlueGreenPostPromotion": return .postPromotion
        default: return .standalone
        }
    }

    /// The rollout that owns it, `nil` for a standalone run.
    public var rolloutName: String? {
        objectMeta.ownerReferences?.first { $0.kind == "Rollout" && $0.controller == true }?.name
    }

    /// The run as the analysis-run driver keeps it.
    public var record: AnalysisRunRecord {
        AnalysisRunRecord(
            rollout: rolloutName ?? "",
            role: role,
            revisionHash: objectMeta.labels?[ClusterMetadata.podTemplateHash] ?? "",
            run: run,
            isTerminated: run.spec.terminate == true,
            createdAt: objectMeta.creationTimestamp.flatMap(Instant.init(rfc3339:)) ?? Instant(secondsSinceEpoch: 0)
        )
    }

    /// The object to create for a record: the run with its labels and the owner reference to its rollout.
    public static func object(for record: AnalysisRunRecord, owner: OwnerReference?) throws -> KubernetesJSON {
        var run = record.run
        run.status = nil
        var labels = run.metadata.labels ?? [:]
        if !record.revisionHash.isEmpty { labels[ClusterMetadata.podTemplateHash] = record.revisionHash }
        if let type = rolloutType(of: record.role) { labels[ClusterMetadata.rolloutType] = type }
        if case .step(let index) = record.role { labels[ClusterMetadata.stepIndex] = String(index) }
        labels[ClusterMetadata.managedBy] = ClusterMetadata.controllerName
        run.metadata.labels = labels
        var object = try KubernetesJSON(encoding: run)
        if let owner, case .object(var fields) = object, case .object(var metadata)? = fields["metadata"] {
            metadata["ownerReferences"] = .array([try KubernetesJSON(encoding: owner)])
            fields["metadata"] = .object(metadata)
            object = .object(fields)
        }
        return object
    }
}
