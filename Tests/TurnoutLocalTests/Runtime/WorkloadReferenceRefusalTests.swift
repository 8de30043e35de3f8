import Testing
import TurnoutCore

@testable import TurnoutLocal

/// The single-host runtime refuses a rollout with `workloadRef`, naming where it is written and what to do.
struct WorkloadReferenceRefusalTests {
    @Test func aRolloutWithWorkloadRefIsRefusedAtItsField() throws {
        let text = """
            apiVersion: argoproj.io/v1alpha1
            kind: Rollout
            metadata: {name: demo}
            spec:
              workloadRef: {apiVersion: apps/v1, kind: Deployment, name: demo}
              strategy: {canary: {}}
            """
        let documents = LintedManifests(texts: [(file: "demo.yaml", text: text)]).set.documents
        let refusal = try #require(LocalRuntime.workloadReferences(in: documents).first)
        #expect(refusal.isError)
        #expect(refusal.location.file == "demo.yaml" && refusal.location.line == 5)
        #expect(refusal.fix?.contains("apply the Deployment itself") == true)
    }
}
