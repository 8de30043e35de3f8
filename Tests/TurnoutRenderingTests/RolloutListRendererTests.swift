import Testing
import TurnoutService
@testable import TurnoutRendering

@Suite("RolloutListRenderer")
struct RolloutListRendererTests {
    @Test func rendersATable() {
        let summaries = [
            RolloutSummary(name: "bg-demo", strategy: "blueGreen", phase: "Paused", message: "BlueGreenPause", step: nil, stepCount: nil, replicas: 2, available: 4, canaryWeight: 0),
            RolloutSummary(name: "canary-demo", strategy: "canary", phase: "Healthy", message: "", step: 4, stepCount: 4, replicas: 4, available: 4, canaryWeight: 100),
            RolloutSummary(name: "web", strategy: "canary", phase: "Degraded", message: "RolloutAborted: analysis failed", step: 1, stepCount: 8, replicas: 10, available: 10, canaryWeight: 0),
        ]
        #expect(RolloutListRenderer(style: .plain).render(summaries) == """
            NAME         STRATEGY   STATUS      STEP  SET-WEIGHT  READY  MESSAGE
            bg-demo      BlueGreen  ॥ Paused    -     -           4/2    BlueGreenPause
            canary-demo  Canary     ✔ Healthy   4/4   100         4/4
            web          Canary     ✖ Degraded  1/8   0           10/10  RolloutAborted: analysis failed
            """)
    }

    @Test func saysSoWhenEmpty() {
        #expect(RolloutListRenderer(style: .plain).render([]).hasPrefix("No rollouts"))
    }
}
