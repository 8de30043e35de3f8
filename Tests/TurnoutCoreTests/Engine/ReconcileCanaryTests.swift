import Testing
import TurnoutCore

@Suite struct ReconcileCanaryTests {
    typealias F = EngineFixture

    /// A canary rollout updating from blue (stable, full) to green, at its first step.
    func updating(replicas: Int, steps: [CanaryStep], routed: Bool = false, configure: (inout CanaryStrategy) -> Void = { _ in }) -> RolloutSnapshot {
        var rollout = F.canaryRollout(replicas: replicas, steps: steps, routed: routed, configure: configure)
        rollout.status = F.stableBlueStatus(stepCount: steps.count)
        let traffic = TrafficState(stable: F.blueHash, canary: F.blueHash, canaryWeight: routed ? 0 : nil)
        return RolloutSnapshot(rollout: rollout, revisions: [F.revision(F.blue, number: 1, replicas: replicas)], traffic: traffic)
    }

    @Test func firstDeployIgnoresStrategyAndBecomesStable() {
        let rollout = F.canaryRollout(replicas: 3, steps: [CanaryStep(setWeight: 10)], image: F.blue)
        let decision = reconcile(RolloutSnapshot(rollout: rollout), now: F.start)
        #expect(decision.revisions.map(\.replicas) == [3])
        #expect(decision.status.stableRS == F.blueHash)
        #expect(decision.traffic?.stable == F.blueHash)
        #expect(decision.status.phase == .progressing)
        let (_, settled) = F.settle(RolloutSnapshot(rollout: rollout))
        #expect(settled.status.phase == .healthy)
    }

    struct ReplicaRatioCase: Sendable, CustomTestStringConvertible {
        var replicas: Int
        var weight: Int
        var canary: Int
        var stable: Int
        var actualWeight: Int
        var testDescription: String { "\(replicas) replicas at \(weight)%" }
    }

    @Test(arguments: [
        ReplicaRatioCase(replicas: 3, weight: 10, canary: 1, stable: 3, actualWeight: 25),
        ReplicaRatioCase(replicas: 10, weight: 41, canary: 4, stable: 6, actualWeight: 40),
        ReplicaRatioCase(replicas: 4, weight: 50, canary: 2, stable: 2, actualWeight: 50),
        ReplicaRatioCase(replicas: 5, weight: 20, canary: 1, stable: 4, actualWeight: 20),
        ReplicaRatioCase(replicas: 1, weight: 10, canary: 1, stable: 1, actualWeight: 50),
    ])
    func setWeightWithoutRouterSplitsByReplicas(_ row: ReplicaRatioCase) {
        let steps = [CanaryStep(setWeight: row.weight), CanaryStep(pause: PauseStep())]
        let (snapshot, decision) = F.settle(updating(replicas: row.replicas, steps: steps))
        #expect(decision.revision(F.greenHash)?.replicas == row.canary)
        #expect(decision.revision(F.blueHash)?.replicas == row.stable)
        #expect(decision.status.canary?.weights?.canary.weight == row.actualWeight)
        #expect(decision.status.currentStepIndex == 1)
        #expect(decision.status.phase == .paused)
        #expect(snapshot.rollout.status?.activePauseConditions.map(\.reason) == [.canaryPauseStep])
    }

    @Test func routedWeightWaitsForCanaryReplicasThenForTheRouter() {
        let snapshot = updating(replicas: 5, steps: [CanaryStep(setWeight: 20), CanaryStep(pause: PauseStep())], routed: true)
        // 1. Canary scaled to ceil(20% of 5) = 1; no weight yet, since no canary replica is available.
        let first = reconcile(snapshot, now: F.start)
        #expect(first.revision(F.greenHash)?.replicas == 1)
        #expect(first.revision(F.blueHash)?.replicas == 5)
        #expect(first.traffic?.canaryWeight == 0)
        #expect(first.status.currentStepIndex == 0)
        // 2. The canary replica is available but the router has not moved the canary service yet:
        //    the weight stays at what is observed until the pin is confirmed.
        var second = F.applied(first, to: snapshot)
        second.traffic = snapshot.traffic
        let held = reconcile(second, now: F.start)
        #expect(held.traffic == TrafficState(stable: F.blueHash, canary: F.greenHash, canaryWeight: 0))
        #expect(held.status.message?.contains("canary service to select revision 2") == true)
        // 3. The pin is confirmed: weight 20 is asked for, the step is not done until the router confirms it.
        second.traffic = held.traffic
        let decision = reconcile(second, now: F.start)
        #expect(decision.traffic?.canaryWeight == 20)
        #expect(decision.status.currentStepIndex == 0)
        #expect(decision.status.message?.contains("traffic router") == true)
        // 4. The router reports 20%: the step completes and the pause begins.
        let third = F.applied(decision, to: second)
        let after = reconcile(third, now: F.start)
        #expect(after.status.currentStepIndex == 1)
        #expect(after.status.phase == .paused)
        #expect(after.events.contains { $0.reason == .stepCompleted })
    }

    @Test func pauseWithDurationEndsOnTime() {
        let steps = [CanaryStep(setWeight: 10), CanaryStep(pause: PauseStep(duration: DurationValue("60s"))), CanaryStep(setWeight: 50)]
        let (snapshot, decision) = F.settle(updating(replicas: 10, steps: steps, routed: true))
        #expect(decision.status.currentStepIndex == 1)
        #expect(decision.requeueAfter == 60)
        let early = reconcile(snapshot, now: F.start.adding(seconds: 59))
        #expect(early.status.currentStepIndex == 1)
        #expect(early.status.message?.contains("continuing in 1s") == true)
        let (_, onTime) = F.settle(snapshot, now: F.start.adding(seconds: 60))
        #expect(onTime.status.currentStepIndex == 3)
        #expect(onTime.status.stableRS == F.greenHash)
    }

    @Test func promotionMakesCanaryStableAndDelaysScaleDown() {
        let (_, decision) = F.settle(updating(replicas: 4, steps: [CanaryStep(setWeight: 50)], routed: true))
        #expect(decision.status.stableRS == F.greenHash)
        #expect(decision.status.phase == .healthy)
        #expect(decision.traffic == TrafficState(stable: F.greenHash, canary: F.greenHash, canaryWeight: 0))
        #expect(decision.revision(F.blueHash)?.replicas == 4)
        #expect(decision.revision(F.blueHash)?.scaleDownAt == F.start.adding(seconds: 30))
        #expect(decision.revision(F.greenHash)?.replicas == 4)
    }

    @Test func noStepsIsARollingUpdateWithinSurgeAndUnavailable() {
        var snapshot = updating(replicas: 4, steps: [])
        snapshot.rollout.spec.strategy?.canary?.steps = nil
        // 25% surge of 4 = 1 extra, 25% unavailable = 1: never more than 5 replicas, never fewer than 3 available.
        var current = snapshot
        for _ in 0..<20 {
            let decision = reconcile(current, now: F.start)
            let total = decision.revisions.reduce(0) { $0 + $1.replicas }
            #expect(total <= 5)
            current = F.applied(decision, to: current)
            let available = current.revisions.reduce(0) { $0 + $1.availableReplicas }
            #expect(available >= 3)
        }
        #expect(current.rollout.status?.stableRS == F.greenHash)
        #expect(current.revisions.first { $0.hash == F.blueHash }?.replicas == 0)
    }

    @Test func failedAnalysisStepAborts() {
        let analysis = RolloutAnalysis(templates: [AnalysisTemplateReference(templateName: "fail")])
        let steps = [CanaryStep(setWeight: 20), CanaryStep(analysis: analysis), CanaryStep(setWeight: 60)]
        var (snapshot, decision) = F.settle(updating(replicas: 5, steps: steps, routed: true))
        #expect(decision.status.currentStepIndex == 1)
        let runName = try! #require(snapshot.analysisRuns.first?.name)
        snapshot.analysisRuns[0].phase = .failed
        decision = reconcile(snapshot, now: F.start.adding(seconds: 20))
        #expect(decision.status.isAborted)
        #expect(decision.status.phase == .degraded)
        #expect(decision.status.message?.hasPrefix("RolloutAborted:") == true)
        #expect(decision.status.condition(.progressing)?.reason == .rolloutAborted)
        _ = runName
        // The next look sends traffic back to stable and schedules the canary's scale-down.
        let aborted = reconcile(F.applied(decision, to: snapshot), now: F.start.adding(seconds: 20))
        #expect(aborted.traffic?.canaryWeight == 0)
        #expect(aborted.traffic?.stable == F.blueHash)
        #expect(aborted.revision(F.greenHash)?.scaleDownAt == F.start.adding(seconds: 50))
    }

    @Test func inconclusiveAnalysisPausesUntilPromoted() {
        let analysis = RolloutAnalysis(templates: [AnalysisTemplateReference(templateName: "maybe")])
        var (snapshot, _) = F.settle(updating(replicas: 2, steps: [CanaryStep(analysis: analysis), CanaryStep(setWeight: 50)], routed: true))
        snapshot.analysisRuns[0].phase = .inconclusive
        let paused = reconcile(snapshot, now: F.start)
        #expect(paused.status.phase == .paused)
        #expect(paused.status.activePauseConditions.map(\.reason) == [.inconclusiveAnalysis])
        var next = F.applied(paused, to: snapshot)
        next.rollout = try! next.rollout.applying(.promote(full: false), revisions: next.revisions, now: F.start)
        let (_, promoted) = F.settle(next)
        #expect(promoted.status.stableRS == F.greenHash)
    }

    @Test func backgroundAnalysisStartsAtItsStepAndFailureAborts() {
        let background = BackgroundAnalysis(analysis: RolloutAnalysis(templates: [AnalysisTemplateReference(templateName: "bg")]), startingStep: 1)
        let steps = [CanaryStep(setWeight: 20), CanaryStep(pause: PauseStep()), CanaryStep(setWeight: 60)]
        let first = reconcile(updating(replicas: 5, steps: steps, routed: true) { $0.analysis = background }, now: F.start)
        #expect(first.analysisRunsToStart.isEmpty)
        var (snapshot, decision) = F.settle(updating(replicas: 5, steps: steps, routed: true) { $0.analysis = background })
        #expect(decision.status.currentStepIndex == 1)
        #expect(snapshot.analysisRuns.map(\.name) == ["demo-\(F.greenHash)-0-background"])
        snapshot.analysisRuns[0].phase = .error
        let aborted = reconcile(snapshot, now: F.start)
        #expect(aborted.status.isAborted)
    }

    @Test func headerRouteIsARouterActionVerifiedBeforeTheStepCompletes() {
        let route = SetHeaderRoute(name: "testers", match: [HeaderRouteMatch(headerName: "x-canary", headerValue: StringMatch(exact: "yes"))])
        var step = CanaryStep()
        step.setHeaderRoute = route
        let snapshot = updating(replicas: 2, steps: [CanaryStep(setWeight: 0), step, CanaryStep(pause: PauseStep())], routed: true)
        let (_, decision) = F.settle(snapshot)
        #expect(decision.traffic?.headerRoutes == [route])
        #expect(decision.status.currentStepIndex == 2)
        #expect(decision.status.canary?.activeRoutes == ["testers"])
    }

    @Test func setCanaryScaleOverridesTheWeight() {
        let steps = [CanaryStep(setCanaryScale: SetCanaryScale(replicas: 3)), CanaryStep(setWeight: 10), CanaryStep(pause: PauseStep())]
        let (_, decision) = F.settle(updating(replicas: 10, steps: steps, routed: true))
        #expect(decision.revision(F.greenHash)?.replicas == 3)
        #expect(decision.traffic?.canaryWeight == 10)
    }

    @Test func dynamicStableScaleShrinksStableOnlyAfterTrafficMoved() {
        let (_, decision) = F.settle(updating(replicas: 10, steps: [CanaryStep(setWeight: 40), CanaryStep(pause: PauseStep())], routed: true) { $0.dynamicStableScale = true })
        #expect(decision.revision(F.greenHash)?.replicas == 4)
        #expect(decision.revision(F.blueHash)?.replicas == 6)
    }

    @Test func sameSnapshotSameDecision() {
        let snapshot = updating(replicas: 5, steps: [CanaryStep(setWeight: 20), CanaryStep(pause: PauseStep(duration: DurationValue("1m")))], routed: true)
        #expect(reconcile(snapshot, now: F.start) == reconcile(snapshot, now: F.start))
    }
}
