import Foundation
import TurnoutCore
import TurnoutService

/// Rollout views for tests: a paused canary at step 1 of 4 with an analysis run, and a blue-green awaiting promotion.
package enum RolloutFixtures {
    package static func template(image: String) -> PodTemplate {
        PodTemplate(metadata: PodTemplateMetadata(labels: ["app": "demo"]), spec: PodSpec(containers: [Container(name: "web", image: image)]))
    }

    package static var canary: RolloutView {
        var spec = RolloutSpec(replicas: 4, template: template(image: "argoproj/rollouts-demo:green"))
        spec.strategy = RolloutStrategy(canary: CanaryStrategy(steps: [
            CanaryStep(setWeight: 25), CanaryStep(pause: PauseStep()), CanaryStep(setWeight: 50), CanaryStep(pause: PauseStep()),
        ]))
        var status = RolloutStatus()
        status.phase = .paused
        status.message = "CanaryPauseStep"
        status.currentStepIndex = 1
        status.replicas = 5
        status.updatedReplicas = 1
        status.readyReplicas = 5
        status.availableReplicas = 5
        let rollout = Rollout(metadata: ObjectMeta(name: "canary-demo"), spec: spec, status: status)
        let revisions = [
            RevisionView(
                number: 2, hash: "6cf78c66c5", images: ["argoproj/rollouts-demo:green"], roles: ["canary"],
                replicas: 1, ready: 1, available: 1, scaleDownAt: nil,
                processes: [ReplicaView(index: 0, address: "127.0.0.1:50011", pid: 4242, isReady: true, isTerminating: false, restarts: 0)]
            ),
            RevisionView(
                number: 1, hash: "687d76d795", images: ["argoproj/rollouts-demo:blue"], roles: ["stable"],
                replicas: 4, ready: 4, available: 4, scaleDownAt: nil,
                processes: (0..<4).map { ReplicaView(index: $0, address: "127.0.0.1:5000\($0)", pid: Int32(4000 + $0), isReady: $0 != 3, isTerminating: false, restarts: $0 == 3 ? 2 : 0) }
            ),
        ]
        return RolloutView(
            rollout: rollout, revisions: revisions,
            traffic: TrafficState(stable: "687d76d795", canary: "6cf78c66c5", canaryWeight: 25),
            analysisRuns: [analysisRun], listeners: [ListenerView(name: "service/canary-demo", address: "127.0.0.1:8080")]
        )
    }

    package static var analysisRun: AnalysisRunView {
        var metadata = ObjectMeta(name: "canary-demo-6cf78c66c5-2")
        metadata.labels = ["rollouts-pod-template-hash": "6cf78c66c5"]
        var status = AnalysisRunStatus(phase: .running)
        var result = MetricResult(name: "success-rate", phase: .running)
        result.count = 2
        result.successful = 2
        var first = Measurement(phase: .successful, value: "0.99")
        first.finishedAt = "2024-05-01T10:00:00Z"
        var second = Measurement(phase: .successful, value: "0.97")
        second.finishedAt = "2024-05-01T10:00:30Z"
        result.measurements = [first, second]
        status.metricResults = [result]
        status.startedAt = "2024-05-01T09:59:59Z"
        let metric = try! JSONDecoderHelper.metric(name: "success-rate")
        let run = AnalysisRun(metadata: metadata, spec: AnalysisRunSpec(metrics: [metric]), status: status)
        return AnalysisRunView(name: "canary-demo-6cf78c66c5-2", role: "background", run: run)
    }

    package static var blueGreen: RolloutView {
        var spec = RolloutSpec(replicas: 2, template: template(image: "argoproj/rollouts-demo:green"))
        spec.strategy = RolloutStrategy(blueGreen: BlueGreenStrategy(activeService: "bg-active", previewService: "bg-preview", autoPromotionEnabled: false))
        var status = RolloutStatus()
        status.phase = .paused
        status.message = "BlueGreenPause"
        status.replicas = 4
        status.updatedReplicas = 2
        status.readyReplicas = 4
        status.availableReplicas = 4
        var metadata = ObjectMeta(name: "bg-demo")
        metadata.namespace = "shop"
        let rollout = Rollout(metadata: metadata, spec: spec, status: status)
        let revisions = [
            RevisionView(
                number: 2, hash: "5b4c9f7d8", images: ["argoproj/rollouts-demo:green"], roles: ["preview"],
                replicas: 2, ready: 2, available: 2, scaleDownAt: nil,
                processes: (0..<2).map { ReplicaView(index: $0, address: "127.0.0.1:5101\($0)", pid: Int32(5100 + $0), isReady: true, isTerminating: false, restarts: 0) }
            ),
            RevisionView(
                number: 1, hash: "7d9f8b6c4", images: ["argoproj/rollouts-demo:blue"], roles: ["stable", "active"],
                replicas: 2, ready: 2, available: 2, scaleDownAt: nil,
                processes: (0..<2).map { ReplicaView(index: $0, address: "127.0.0.1:5100\($0)", pid: Int32(5000 + $0), isReady: true, isTerminating: false, restarts: 0) }
            ),
        ]
        return RolloutView(
            rollout: rollout, revisions: revisions, traffic: TrafficState(stable: "7d9f8b6c4", canary: "5b4c9f7d8"),
            analysisRuns: [],
            listeners: [ListenerView(name: "service/bg-active", address: "127.0.0.1:8081"), ListenerView(name: "service/bg-preview", address: "127.0.0.1:8082")]
        )
    }
}

/// Builds core values that have no convenient initialiser, from JSON.
package enum JSONDecoderHelper {
    package static func metric(name: String) throws -> Metric {
        let json = #"{"name":"\#(name)","interval":"30s","successCondition":"result[0] >= 0.95","provider":{"prometheus":{"address":"http://prometheus:9090","query":"sum(rate(ok[1m]))"}}}"#
        return try JSONDecoder().decode(Metric.self, from: Data(json.utf8))
    }
}
