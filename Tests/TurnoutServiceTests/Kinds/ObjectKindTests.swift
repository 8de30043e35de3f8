import Testing
import TurnoutService

@Suite struct ObjectKindTests {
    @Test(arguments: [
        ("rollout", "Rollout"), ("Rollouts", "Rollout"), ("ro", "Rollout"),
        ("deploy", "Deployment"), ("deployments", "Deployment"), ("rs", "ReplicaSet"),
        ("svc", "Service"), ("ing", "Ingress"),
        ("at", "AnalysisTemplate"), ("clusteranalysistemplates", "ClusterAnalysisTemplate"), ("cat", "ClusterAnalysisTemplate"),
        ("ar", "AnalysisRun"), ("analysisruns", "AnalysisRun"),
        ("secrets", "Secret"), ("configmap", "ConfigMap"), ("cm", "ConfigMap"),
        ("Service", "Service"),
    ])
    func namesTheKindOfAnAlias(word: String, kind: String) {
        #expect(ObjectKind.canonical(word) == kind)
    }

    @Test func anyOtherWordIsCapitalised() {
        #expect(ObjectKind.canonical("podDisruptionBudget") == "PodDisruptionBudget")
        #expect(ObjectKind.canonical("HorizontalPodAutoscaler") == "HorizontalPodAutoscaler")
        #expect(ObjectKind.canonical("") == "")
    }

    @Test func everyAliasIsLowerCase() {
        #expect(ObjectKind.aliases.keys.allSatisfy { $0 == $0.lowercased() })
    }
}
