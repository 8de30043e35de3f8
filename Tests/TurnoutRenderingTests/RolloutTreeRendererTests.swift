import Testing
import TurnoutCore
import TurnoutService
@testable import TurnoutRendering
import TurnoutServiceFixtures

@Suite("RolloutTreeRenderer")
struct RolloutTreeRendererTests {
    @Test func rendersACanary() {
        let text = RolloutTreeRenderer(style: .plain).render(RolloutFixtures.canary)
        #expect(text == """
            Name:           canary-demo
            Namespace:      default
            Status:         ॥ Paused
            Message:        CanaryPauseStep
            Strategy:       Canary
              Step:         1/4
              SetWeight:    25
              ActualWeight: 25
            Images:         argoproj/rollouts-demo:green (canary)
                            argoproj/rollouts-demo:blue (stable)
            Replicas:
              Desired:      4
              Current:      5
              Updated:      1
              Ready:        5
              Available:    5
            Listeners:      service/canary-demo  http://127.0.0.1:8080

            NAME                                 KIND         STATUS      INFO
            ⟳ canary-demo                        Rollout      ॥ Paused
            ├──# revision:2
            │  ├──⧉ canary-demo-6cf78c66c5       Revision     ✔ Healthy   canary
            │  │  └──□ canary-demo-6cf78c66c5-0  Process      ✔ Running   pid:4242,127.0.0.1:50011,ready:1/1,restarts:0
            │  └──α canary-demo-6cf78c66c5-2     AnalysisRun  ◌ Running   background,✔ 2
            │     └──success-rate                Metric       ◌ Running   0.99, 0.97
            └──# revision:1
               └──⧉ canary-demo-687d76d795       Revision     ✔ Healthy   stable
                  ├──□ canary-demo-687d76d795-0  Process      ✔ Running   pid:4000,127.0.0.1:50000,ready:1/1,restarts:0
                  ├──□ canary-demo-687d76d795-1  Process      ✔ Running   pid:4001,127.0.0.1:50001,ready:1/1,restarts:0
                  ├──□ canary-demo-687d76d795-2  Process      ✔ Running   pid:4002,127.0.0.1:50002,ready:1/1,restarts:0
                  └──□ canary-demo-687d76d795-3  Process      ◌ NotReady  pid:4003,127.0.0.1:50003,ready:0/1,restarts:2
            """)
    }

    @Test func rendersABlueGreen() {
        let text = RolloutTreeRenderer(style: .plain).render(RolloutFixtures.blueGreen)
        #expect(text == """
            Name:           bg-demo
            Namespace:      shop
            Status:         ॥ Paused
            Message:        BlueGreenPause
            Strategy:       BlueGreen
            Images:         argoproj/rollouts-demo:green (preview)
                            argoproj/rollouts-demo:blue (stable, active)
            Replicas:
              Desired:      2
              Current:      4
              Updated:      2
              Ready:        4
              Available:    4
            Listeners:      service/bg-active  http://127.0.0.1:8081
                            service/bg-preview  http://127.0.0.1:8082

            NAME                            KIND      STATUS     INFO
            ⟳ bg-demo                       Rollout   ॥ Paused
            ├──# revision:2
            │  └──⧉ bg-demo-5b4c9f7d8       Revision  ✔ Healthy  preview
            │     ├──□ bg-demo-5b4c9f7d8-0  Process   ✔ Running  pid:5100,127.0.0.1:51010,ready:1/1,restarts:0
            │     └──□ bg-demo-5b4c9f7d8-1  Process   ✔ Running  pid:5101,127.0.0.1:51011,ready:1/1,restarts:0
            └──# revision:1
               └──⧉ bg-demo-7d9f8b6c4       Revision  ✔ Healthy  stable,active
                  ├──□ bg-demo-7d9f8b6c4-0  Process   ✔ Running  pid:5000,127.0.0.1:51000,ready:1/1,restarts:0
                  └──□ bg-demo-7d9f8b6c4-1  Process   ✔ Running  pid:5001,127.0.0.1:51001,ready:1/1,restarts:0
            """)
    }

    @Test func rendersPodsWithTheirNamesAndNodes() {
        var view = RolloutFixtures.canary
        view.revisions[0].processes = [
            ReplicaView(kind: .pod, index: 0, name: "canary-demo-6cf78c66c5-x7k2p", address: "10.42.0.7:8080", node: "worker-1",
                        isReady: true, isTerminating: false, restarts: 0),
        ]
        view.revisions[1].processes = [
            ReplicaView(kind: .pod, index: 0, name: "canary-demo-687d76d795-4mqtz", address: "10.42.1.3:8080", node: "worker-2",
                        isReady: false, isTerminating: false, restarts: 1),
            ReplicaView(kind: .pod, index: 1, name: "canary-demo-687d76d795-9bd2c", address: nil, node: nil,
                        isReady: false, isTerminating: false, restarts: 0),
        ]
        view.listeners = [ListenerView(name: "service/canary-demo", url: "http://canary-demo.default.svc.cluster.local:80")]
        let text = RolloutTreeRenderer(style: .plain).render(view)
        #expect(text.contains("Listeners:      service/canary-demo  http://canary-demo.default.svc.cluster.local:80"))
        #expect(text.hasSuffix("""
            NAME                                     KIND         STATUS      INFO
            ⟳ canary-demo                            Rollout      ॥ Paused
            ├──# revision:2
            │  ├──⧉ canary-demo-6cf78c66c5           Revision     ✔ Healthy   canary
            │  │  └──□ canary-demo-6cf78c66c5-x7k2p  Pod          ✔ Running   10.42.0.7:8080,node:worker-1,ready:1/1,restarts:0
            │  └──α canary-demo-6cf78c66c5-2         AnalysisRun  ◌ Running   background,✔ 2
            │     └──success-rate                    Metric       ◌ Running   0.99, 0.97
            └──# revision:1
               └──⧉ canary-demo-687d76d795           Revision     ✔ Healthy   stable
                  ├──□ canary-demo-687d76d795-4mqtz  Pod          ◌ NotReady  10.42.1.3:8080,node:worker-2,ready:0/1,restarts:1
                  └──□ canary-demo-687d76d795-9bd2c  Pod          ◌ Pending   ready:0/1,restarts:0
            """))
    }

    @Test(arguments: [
        (ReplicaKind.process, Int32?.none, String?.some("127.0.0.1:5000"), "Starting"),
        (ReplicaKind.process, Int32?.some(7), String?.some("127.0.0.1:5000"), "NotReady"),
        (ReplicaKind.pod, Int32?.none, String?.none, "Pending"),
        (ReplicaKind.pod, Int32?.none, String?.some("10.0.0.1:80"), "NotReady"),
    ])
    func aReplicaThatIsNotReadySaysWhy(kind: ReplicaKind, pid: Int32?, address: String?, status: String) {
        let replica = ReplicaView(kind: kind, index: 0, address: address, pid: pid, isReady: false, isTerminating: false, restarts: 0)
        #expect(RolloutTreeRenderer.replicaBadge(replica).text == status)
    }

    @Test func coloursOnlyWhenAsked() {
        let plain = RolloutTreeRenderer(style: .plain).render(RolloutFixtures.canary)
        #expect(!plain.contains("\u{1B}["))
        let colored = RolloutTreeRenderer(style: TerminalStyle(isColored: true)).render(RolloutFixtures.canary)
        #expect(colored.contains("\u{1B}[32m✔ Running\u{1B}[0m"))
        #expect(colored.contains("\u{1B}[33m॥ Paused\u{1B}[0m"))
        // Colour codes do not shift the columns: removing them gives the plain text back.
        #expect(colored.replacing(/\u{1B}\[[0-9]+m/, with: "") == plain)
    }

    @Test func attachesAnalysisRunsWithoutARevisionToTheRollout() {
        var view = RolloutFixtures.canary
        view.analysisRuns[0].run.metadata.labels = nil
        let text = RolloutTreeRenderer(style: .plain).tree(view)
        #expect(text.split(separator: "\n").last?.hasPrefix("└──α canary-demo-6cf78c66c5-2") == true || text.contains("└──α canary-demo-6cf78c66c5-2"))
    }
}
