import Testing
import TurnoutCore

/// How far a migrating rollout scales the Deployment its `workloadRef` names down (Argo's rules).
struct WorkloadReferenceTests {
    @Test(arguments: [
        // mode, first revision, healthy, rollout replicas, ready → Deployment replicas (nil: left alone)
        (WorkloadReference.ScaleDown.never, true, true, 3, 3, nil as Int?),
        (.onsuccess, true, false, 3, 2, nil),
        (.onsuccess, true, true, 3, 3, 0),
        (.onsuccess, false, true, 3, 3, nil),
        (.progressively, true, false, 3, 0, nil),
        (.progressively, true, false, 3, 1, 2),
        (.progressively, true, false, 3, 2, 1),
        (.progressively, true, false, 3, 5, 0),
        (.progressively, true, true, 3, 3, 0),
        (.progressively, false, false, 3, 1, nil),
    ])
    func theDeploymentIsScaledDownOnlyWhileTheFirstRevisionTakesOver(
        mode: WorkloadReference.ScaleDown, isFirst: Bool, isHealthy: Bool, replicas: Int, ready: Int, expected: Int?
    ) {
        #expect(WorkloadReference.workloadReplicas(mode: mode, isFirstRevision: isFirst, isHealthy: isHealthy, rolloutReplicas: replicas, readyReplicas: ready) == expected)
    }

    @Test(arguments: [(nil as String?, WorkloadReference.ScaleDown.never as WorkloadReference.ScaleDown?), ("", .never), ("onsuccess", .onsuccess), ("progressively", .progressively), ("OnSuccess", nil)])
    func scaleDownDefaultsToNeverAndTakesOnlyArgosValues(value: String?, expected: WorkloadReference.ScaleDown?) {
        #expect(WorkloadReference(apiVersion: "apps/v1", kind: "Deployment", name: "demo", scaleDown: value).scaleDownMode == expected)
    }
}
