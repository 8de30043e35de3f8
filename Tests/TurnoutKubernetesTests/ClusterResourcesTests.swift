import KubernetesClient
import Testing
import TurnoutCore

@testable import TurnoutKubernetes

struct ClusterResourcesTests {
    @Test(arguments: [
        (TurnoutCore.APIGroup.turnout, "/apis/turnout.dev/v1alpha1/namespaces/shop/rollouts/web"),
        (TurnoutCore.APIGroup.argo, "/apis/argoproj.io/v1alpha1/namespaces/shop/rollouts/web"),
    ])
    func rolloutPathsFollowTheGroup(group: TurnoutCore.APIGroup, path: String) {
        let resources = ClusterResources(group: group)
        #expect(KubernetesClient.path(resources.rollouts, namespace: "shop", name: "web") == path)
        #expect(!resources.clusterAnalysisTemplates.isNamespaced)
    }

    @Test func ownerReferencesMakeTheRolloutTheController() {
        let reference = ClusterResources(group: .argo).ownerReference(toRollout: "web", uid: "u-1")
        #expect(reference.apiVersion == "argoproj.io/v1alpha1")
        #expect(reference.kind == "Rollout")
        #expect(reference.controller == true && reference.blockOwnerDeletion == true)
    }
}
