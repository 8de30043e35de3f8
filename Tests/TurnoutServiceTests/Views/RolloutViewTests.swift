import Testing
import TurnoutCore
import TurnoutService

@Suite struct RolloutViewTests {
    static let listeners = [
        ListenerView(name: "ingress", address: "127.0.0.1:7000"),
        ListenerView(name: "service/other", address: "127.0.0.1:7001"),
        ListenerView(name: "service/web-active", address: "127.0.0.1:7002"),
        ListenerView(name: "service/web-selected", address: "127.0.0.1:7003"),
    ]

    static func assemble(_ rollout: Rollout, failure: String? = nil, services: [KubernetesObject] = []) -> RolloutView {
        let replica = ReplicaView(index: 0, address: "127.0.0.1:5000", pid: 10, isReady: true, isTerminating: false, restarts: 0)
        return RolloutView(
            rollout: rollout, reconcileFailure: failure,
            revisions: [ViewFixtures.revision("a", number: 1), ViewFixtures.revision("c", number: 3), ViewFixtures.revision("b", number: 2)],
            replicas: ["b": [replica]], traffic: TrafficState(stable: "a", canary: nil),
            analysisRuns: [], services: services, listeners: listeners)
    }

    @Test func listsRevisionsNewestFirstWithTheirReplicas() {
        let view = Self.assemble(ViewFixtures.blueGreen(stable: "a", active: "a", preview: "b"))
        #expect(view.revisions.map(\.number) == [3, 2, 1])
        #expect(view.revisions.map(\.processes.count) == [0, 1, 0])
        #expect(view.revisions.map(\.roles) == [[], ["preview"], ["stable", "active"]])
    }

    @Test func keepsTheListenersOfNamedAndSelectingServicesAndTheIngress() {
        let services = [
            ViewFixtures.service("web-selected", selector: ["app": "web"]),
            ViewFixtures.service("other", selector: ["app": "other"]),
            ViewFixtures.service("empty", selector: [:]),
        ]
        let view = Self.assemble(ViewFixtures.blueGreen(stable: "a", active: "a", preview: "b"), services: services)
        #expect(view.listeners.map(\.name) == ["ingress", "service/web-active", "service/web-selected"])
    }

    @Test func serviceNamesAreTheStrategysAndTheSelectingOnes() {
        let rollout = ViewFixtures.canary(stable: "a", current: "b")
        let services = [ViewFixtures.service("web", selector: ["app": "web"]), ViewFixtures.service("api", selector: ["app": "api"])]
        #expect(RolloutView.serviceNames(of: rollout, among: services) == ["web-stable", "web-canary", "web"])
    }

    @Test func appendsAReconcileFailureToTheMessage() {
        var rollout = ViewFixtures.canary(stable: "a", current: "b")
        rollout.status?.message = "CanaryPauseStep"
        #expect(Self.assemble(rollout, failure: "disk full").rollout.status?.message == "CanaryPauseStep; reconcile failed: disk full")
        rollout.status = nil
        #expect(Self.assemble(rollout, failure: "disk full").rollout.status?.message == "reconcile failed: disk full")
        #expect(Self.assemble(rollout).rollout.status == nil)
    }
}
