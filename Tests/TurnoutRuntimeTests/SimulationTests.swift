import Testing
import TurnoutCore
import TurnoutSimulation

@Suite struct SimulationTests {
    func rollout(replicas: Int, canary: CanaryStrategy? = nil, blueGreen: BlueGreenStrategy? = nil) -> Rollout {
        let template = PodTemplate(
            metadata: PodTemplateMetadata(labels: ["app": "demo"]),
            spec: PodSpec(containers: [Container(name: "demo", image: "argoproj/rollouts-demo:blue")])
        )
        let spec = RolloutSpec(replicas: replicas, selector: LabelSelector(matchLabels: ["app": "demo"]), template: template, strategy: RolloutStrategy(blueGreen: blueGreen, canary: canary))
        return Rollout(apiVersion: APIGroup.argo.version, metadata: ObjectMeta(name: "demo"), spec: spec)
    }

    @Test func bookCanaryGoesTenPercentThenFullAfterSixtySeconds() async throws {
        var strategy = CanaryStrategy(steps: [CanaryStep(setWeight: 10), CanaryStep(pause: PauseStep(duration: DurationValue(seconds: 60)))])
        strategy.maxSurge = .percent(25)
        strategy.maxUnavailable = .count(0)
        let timeline = try await Simulation(rollout: rollout(replicas: 3, canary: strategy), templates: [], options: SimulationOptions()).run()
        let atStep = try #require(timeline.first { $0.step == 1 })
        #expect(atStep.t == 0)
        #expect(atStep.canaryReplicas == 1)
        #expect(atStep.stableReplicas == 3)
        #expect(atStep.canaryWeight == 25)
        #expect(atStep.phase == "Paused")
        let last = try #require(timeline.last)
        #expect(last.t == 60)
        #expect(last.phase == "Healthy")
        #expect(last.canaryReplicas == 3)
        #expect(last.stableReplicas == 0)
        #expect(last.canaryWeight == 100)
        // maxUnavailable 0: the old version never drops below 3 - (new available) pods.
        for entry in timeline { #expect(entry.stableReplicas + entry.canaryReplicas >= 3) }
    }

    @Test func podReadinessDelaysTheSteps() async throws {
        let strategy = CanaryStrategy(steps: [CanaryStep(setWeight: 50), CanaryStep(pause: PauseStep(duration: DurationValue(seconds: 10)))])
        let options = SimulationOptions(podReadySeconds: 5)
        let timeline = try await Simulation(rollout: rollout(replicas: 2, canary: strategy), templates: [], options: options).run()
        let paused = try #require(timeline.first { $0.phase == "Paused" })
        #expect(paused.t == 5)
        #expect(try #require(timeline.last).phase == "Healthy")
    }

    @Test func failedAnalysisRollsBackAndStaysAborted() async throws {
        var strategy = CanaryStrategy(steps: [CanaryStep(setWeight: 10), CanaryStep(pause: PauseStep(duration: DurationValue(seconds: 20)))])
        strategy.analysis = BackgroundAnalysis(analysis: RolloutAnalysis(templates: [AnalysisTemplateReference(templateName: "fail")]))
        var metric = Metric(name: "fail", provider: MetricSource(job: JobMetric(spec: JobSpec(template: PodTemplate(spec: PodSpec(containers: []))))))
        metric.interval = DurationValue(seconds: 15)
        metric.failureLimit = .int(1)
        let template = AnalysisTemplate(metadata: ObjectMeta(name: "fail"), spec: AnalysisTemplateSpec(metrics: [metric]))
        let options = SimulationOptions(analysisOutcomes: ["fail": .failed])
        let timeline = try await Simulation(rollout: rollout(replicas: 3, canary: strategy), templates: [template], options: options).run()
        let last = try #require(timeline.last)
        #expect(last.phase == "Degraded")
        #expect(last.canaryReplicas == 0)
        #expect(last.stableReplicas == 3)
        #expect(last.canaryWeight == 0)
        #expect(last.message.hasPrefix("RolloutAborted:"))
        // Two failed measurements (t=0 and t=15) exceed failureLimit 1.
        let abortedAt = try #require(timeline.first { $0.phase == "Degraded" })
        #expect(abortedAt.t == 15)
    }

    @Test func blueGreenWaitsForAPersonUnlessPromoteAfterIsGiven() async throws {
        var strategy = BlueGreenStrategy(activeService: "active", previewService: "preview", autoPromotionEnabled: false)
        strategy.scaleDownDelaySeconds = 30
        let stopped = try await Simulation(rollout: rollout(replicas: 3, blueGreen: strategy), templates: [], options: SimulationOptions()).run()
        #expect(stopped.last?.phase == "Paused")
        #expect(stopped.last?.canaryWeight == 0)
        #expect(stopped.last?.canaryReplicas == 3)
        let promoted = try await Simulation(rollout: rollout(replicas: 3, blueGreen: strategy), templates: [], options: SimulationOptions(promoteAfterSeconds: 45)).run()
        let switched = try #require(promoted.first { $0.canaryWeight == 100 })
        #expect(switched.t == 45)
        #expect(switched.stableReplicas == 3)
        let last = try #require(promoted.last)
        #expect(last.t == 75)
        #expect(last.stableReplicas == 0)
        #expect(last.phase == "Healthy")
    }

    @Test(arguments: [
        ("argoproj/rollouts-demo:blue", "argoproj/rollouts-demo:green"),
        ("argoproj/rollouts-demo:green", "argoproj/rollouts-demo:blue"),
        ("nginx:1.7.9", "nginx:next"),
        ("registry:5000/app", "registry:5000/app:next"),
    ])
    func nextImage(_ current: String, _ expected: String) {
        #expect(Simulation.nextImage(after: current) == expected)
    }
}
