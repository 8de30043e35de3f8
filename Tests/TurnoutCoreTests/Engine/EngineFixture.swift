import TurnoutCore

/// Builders for engine snapshots, so tests read as tables of situations.
enum EngineFixture {
    static let start = Instant(secondsSinceEpoch: 1_767_225_600)

    static func template(_ image: String) -> PodTemplate {
        PodTemplate(
            metadata: PodTemplateMetadata(labels: ["app": "demo"]),
            spec: PodSpec(containers: [Container(name: "demo", image: image, ports: [ContainerPort(containerPort: 8080)])])
        )
    }

    static let blue = template("argoproj/rollouts-demo:blue")
    static let green = template("argoproj/rollouts-demo:green")
    static let blueHash = podTemplateHash(blue)
    static let greenHash = podTemplateHash(green)

    static func canaryRollout(replicas: Int = 3, steps: [CanaryStep], routed: Bool = false, image: PodTemplate = green, configure: (inout CanaryStrategy) -> Void = { _ in }) -> Rollout {
        var strategy = CanaryStrategy(steps: steps, trafficRouting: routed ? TrafficRouting(nginx: NginxTrafficRouting(stableIngress: "demo")) : nil)
        if routed {
            strategy.canaryService = "demo-canary"
            strategy.stableService = "demo-stable"
        }
        configure(&strategy)
        let spec = RolloutSpec(replicas: replicas, selector: LabelSelector(matchLabels: ["app": "demo"]), template: image, strategy: RolloutStrategy(canary: strategy))
        return Rollout(metadata: ObjectMeta(name: "demo"), spec: spec)
    }

    static func blueGreenRollout(replicas: Int = 3, image: PodTemplate = green, configure: (inout BlueGreenStrategy) -> Void = { _ in }) -> Rollout {
        var strategy = BlueGreenStrategy(activeService: "demo-active", previewService: "demo-preview")
        configure(&strategy)
        let spec = RolloutSpec(replicas: replicas, selector: LabelSelector(matchLabels: ["app": "demo"]), template: image, strategy: RolloutStrategy(blueGreen: strategy))
        return Rollout(metadata: ObjectMeta(name: "demo"), spec: spec)
    }

    /// A status that says `blue` is stable and healthy.
    static func stableBlueStatus(stepCount: Int? = nil) -> RolloutStatus {
        var status = RolloutStatus()
        status.stableRS = blueHash
        status.currentPodHash = blueHash
        status.currentStepIndex = stepCount
        status.phase = .healthy
        return status
    }

    static func revision(_ template: PodTemplate, number: Int, replicas: Int, available: Int? = nil, scaleDownAt: Instant? = nil) -> RevisionState {
        RevisionState(hash: podTemplateHash(template), number: number, template: template, replicas: replicas, readyReplicas: available ?? replicas, availableReplicas: available ?? replicas, scaleDownAt: scaleDownAt)
    }

    /// Runs the engine over a tiny instant world: replicas become available at once and the router applies at once.
    /// Returns the decisions until nothing changes or `limit` passes.
    static func settle(_ snapshot: RolloutSnapshot, now: Instant = start, limit: Int = 40) -> (RolloutSnapshot, Decision) {
        var current = snapshot
        var decision = reconcile(current, now: now)
        for _ in 0..<limit {
            let next = applied(decision, to: current)
            if next == current { break }
            current = next
            decision = reconcile(current, now: now)
        }
        return (current, decision)
    }

    /// The snapshot after a decision is carried out with instant readiness.
    static func applied(_ decision: Decision, to snapshot: RolloutSnapshot) -> RolloutSnapshot {
        var next = snapshot
        next.rollout.status = decision.status
        next.revisions = decision.revisions.map {
            RevisionState(hash: $0.hash, number: $0.number, template: $0.template, replicas: $0.replicas, readyReplicas: $0.replicas, availableReplicas: $0.replicas, scaleDownAt: $0.scaleDownAt, restartedAt: $0.restartAt)
        }
        if let traffic = decision.traffic { next.traffic = traffic }
        for request in decision.analysisRunsToStart where next.analysisRun(named: request.name) == nil {
            next.analysisRuns.append(AnalysisRunState(name: request.name, phase: .running))
        }
        return next
    }
}
