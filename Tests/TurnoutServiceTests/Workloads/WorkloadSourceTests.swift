import Testing
import TurnoutCore
import TurnoutService

@Suite struct WorkloadSourceTests {
    static func rollout(annotation: String?, blueGreen: Bool = false) -> Rollout {
        let strategy = blueGreen ? RolloutStrategy(blueGreen: BlueGreenStrategy(activeService: "a")) : RolloutStrategy(canary: CanaryStrategy(steps: []))
        let annotations = annotation.map { [WorkloadSource.kindAnnotation: $0] }
        return Rollout(metadata: ObjectMeta(name: "web", annotations: annotations), spec: RolloutSpec(strategy: strategy))
    }

    @Test(arguments: [
        (String?.none, false, "Rollout", false, "canary"),
        (String?.none, true, "Rollout", false, "blueGreen"),
        ("Deployment", false, "Deployment", true, "rollingUpdate"),
        ("ReplicaSet", false, "ReplicaSet", true, "rollingUpdate"),
    ])
    func namesTheKindAndStrategy(annotation: String?, blueGreen: Bool, kind: String, isRollingUpdate: Bool, strategy: String) {
        let rollout = Self.rollout(annotation: annotation, blueGreen: blueGreen)
        #expect(WorkloadSource.kind(of: rollout) == kind)
        #expect(WorkloadSource.isRollingUpdate(rollout) == isRollingUpdate)
        #expect(WorkloadSource.strategyName(of: rollout) == strategy)
    }
}
