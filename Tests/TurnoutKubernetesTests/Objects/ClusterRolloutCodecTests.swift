import Foundation
import KubernetesClient
import Testing
import TurnoutCore

@testable import TurnoutKubernetes

struct ClusterRolloutCodecTests {
    static func rollout(group: TurnoutCore.APIGroup, annotations: [String: String]? = nil) -> Rollout {
        var metadata = TurnoutCore.ObjectMeta(name: "web", namespace: "shop", annotations: annotations)
        metadata.resourceVersion = "41"
        return Rollout(apiVersion: group.version, metadata: metadata, spec: RolloutSpec(), status: RolloutStatus())
    }

    @Test func argoStatusKeepsTurnoutOnlyFieldsInAnnotationsAndWritesObservedGenerationAsAString() throws {
        var status = RolloutStatus()
        status.retries = 2
        status.abortReason = "analysis failed"
        status.observedGeneration = 7
        let body = try ClusterRolloutCodec.statusUpdate(of: Self.rollout(group: .argo), to: status)
        #expect(body[path: ["status", "observedGeneration"]] == .string("7"))
        #expect(body[path: ["status", "retries"]] == nil)
        #expect(body[path: ["metadata", "annotations", "status.turnout.dev/retries"]] == .string("2"))
        let patch = try #require(ClusterRolloutCodec.extensionAnnotationsPatch(of: Self.rollout(group: .argo), to: status))
        #expect(patch.document[path: ["metadata", "resourceVersion"]] == .string("41"))
        #expect(patch.document[path: ["metadata", "annotations", "status.turnout.dev/abort-reason"]] == .string("analysis failed"))
        let decoded = try ClusterRolloutCodec.decode(body)
        #expect(decoded.status?.retries == 2 && decoded.status?.abortReason == "analysis failed")
    }

    @Test func argoAnnotationsThatAreGoneAreRemovedAndUnchangedOnesNeedNoPatch() throws {
        let stored = Self.rollout(group: .argo, annotations: ["status.turnout.dev/retries": "1", "team": "shop"])
        var status = RolloutStatus()
        status.retries = 1
        #expect(ClusterRolloutCodec.extensionAnnotationsPatch(of: stored, to: status) == nil)
        let patch = try #require(ClusterRolloutCodec.extensionAnnotationsPatch(of: stored, to: RolloutStatus()))
        #expect(patch.document[path: ["metadata", "annotations", "status.turnout.dev/retries"]] == .null)
        #expect(patch.document[path: ["metadata", "annotations", "team"]] == nil)
    }

    @Test func turnoutStatusKeepsEverythingInStatus() throws {
        var status = RolloutStatus()
        status.retries = 3
        status.observedGeneration = 2
        let body = try ClusterRolloutCodec.statusUpdate(of: Self.rollout(group: .turnout), to: status)
        #expect(body[path: ["status", "retries"]] == .int(3))
        #expect(body[path: ["status", "observedGeneration"]] == .int(2))
        #expect(ClusterRolloutCodec.extensionAnnotationsPatch(of: Self.rollout(group: .turnout), to: status) == nil)
    }
}
