import Testing
import TurnoutKubernetes
import TurnoutRuntime

@Suite struct ControllerMetricsTests {
    @Test func exposesDurationsPhasesQueueDepthAndRequestsWithoutNamingObjects() {
        let metrics = ControllerMetrics()
        metrics.recordReconcile(duration: .milliseconds(3))
        metrics.recordReconcile(duration: .seconds(2))
        metrics.recordPhase("Healthy", of: RolloutKey(namespace: "shop", name: "a"))
        metrics.recordPhase("Paused", of: RolloutKey(namespace: "shop", name: "b"))
        metrics.recordPhase("Healthy", of: RolloutKey(namespace: "web", name: "a"))
        metrics.recordQueueDepth(4)
        for (verb, code) in [("get", 200), ("get", 200), ("update", 409), ("watch", nil)] as [(String, Int?)] {
            metrics.recordAPIRequest(verb: verb, code: code)
        }
        let lines = Set(metrics.exposition().split(separator: "\n").map(String.init))
        for expected in [
            "turnout_reconcile_duration_seconds_bucket{le=\"0.001\"} 0",
            "turnout_reconcile_duration_seconds_bucket{le=\"0.005\"} 1",
            "turnout_reconcile_duration_seconds_bucket{le=\"2.5\"} 2",
            "turnout_reconcile_duration_seconds_bucket{le=\"+Inf\"} 2",
            "turnout_reconcile_duration_seconds_count 2",
            "turnout_rollouts{phase=\"Healthy\"} 2",
            "turnout_rollouts{phase=\"Paused\"} 1",
            "turnout_workqueue_depth 4",
            "turnout_api_requests_total{verb=\"get\",code=\"200\"} 2",
            "turnout_api_requests_total{verb=\"update\",code=\"409\"} 1",
            "turnout_api_requests_total{verb=\"watch\",code=\"error\"} 1",
        ] {
            #expect(lines.contains(expected), "\(expected)")
        }
        #expect(!lines.contains { $0.contains("shop") || $0.contains("web") }, "no rollout is named")
    }

    @Test func aForgottenRolloutIsNoLongerCounted() {
        let metrics = ControllerMetrics()
        let key = RolloutKey(namespace: "shop", name: "a")
        metrics.recordPhase("Degraded", of: key)
        metrics.forget(key)
        #expect(!metrics.exposition().contains("Degraded"))
    }
}
