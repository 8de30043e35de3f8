import Testing
import TurnoutCore

/// Traffic moves in order, verified by what the router reports.
@Suite struct ReconcileTrafficOrderTests {
    typealias F = EngineFixture

    /// A routed canary from blue to green with `replicas` green pods already available, traffic as observed.
    func updating(steps: [CanaryStep], traffic: TrafficState, canaryPods: Int = 1, stepIndex: Int = 0, configure: (inout CanaryStrategy) -> Void = { _ in }) -> RolloutSnapshot {
        var rollout = F.canaryRollout(replicas: 4, steps: steps, routed: true, configure: configure)
        var status = F.stableBlueStatus(stepCount: stepIndex)
        status.currentPodHash = F.greenHash
        rollout.status = status
        let revisions = [F.revision(F.blue, number: 1, replicas: 4), F.revision(F.green, number: 2, replicas: canaryPods)]
        return RolloutSnapshot(rollout: rollout, revisions: revisions, traffic: traffic)
    }

    @Test func canaryPinMovesAndIsConfirmedBeforeTheWeight() {
        let steps = [CanaryStep(setWeight: 25), CanaryStep(pause: PauseStep())]
        let before = updating(steps: steps, traffic: TrafficState(stable: F.blueHash, canary: F.blueHash, canaryWeight: 0))
        let first = reconcile(before, now: F.start)
        #expect(first.traffic == TrafficState(stable: F.blueHash, canary: F.greenHash, canaryWeight: 0))
        #expect(first.status.currentStepIndex == 0)
        #expect(first.status.message?.contains("canary service to select revision 2") == true)
        // Asked again before the router confirms: still only the pin.
        #expect(reconcile(before, now: F.start).traffic?.canaryWeight == 0)
        var pinned = F.applied(first, to: before)
        pinned.traffic = TrafficState(stable: F.blueHash, canary: F.greenHash, canaryWeight: 0)
        #expect(reconcile(pinned, now: F.start).traffic?.canaryWeight == 25)
    }

    @Test func promotionMovesTheStablePinBeforeTheWeightDrops() {
        let steps = [CanaryStep(setWeight: 50)]
        let full = updating(steps: steps, traffic: TrafficState(stable: F.blueHash, canary: F.greenHash, canaryWeight: 100), canaryPods: 4, stepIndex: 1)
        let first = reconcile(full, now: F.start)
        #expect(first.status.stableRS == F.greenHash)
        #expect(first.traffic == TrafficState(stable: F.greenHash, canary: F.greenHash, canaryWeight: 100))
        var moved = F.applied(first, to: full)
        moved.traffic = first.traffic
        #expect(reconcile(moved, now: F.start).traffic == TrafficState(stable: F.greenHash, canary: F.greenHash, canaryWeight: 0))
    }

    @Test func aSupersededCanaryLosesItsWeightBeforeItsServiceMoves() {
        var snapshot = updating(steps: [CanaryStep(setWeight: 20), CanaryStep(pause: PauseStep())],
                                traffic: TrafficState(stable: F.blueHash, canary: F.greenHash, canaryWeight: 20), stepIndex: 1)
        snapshot.rollout.spec.template = F.template("argoproj/rollouts-demo:yellow")
        let decision = reconcile(snapshot, now: F.start)
        #expect(decision.traffic == TrafficState(stable: F.blueHash, canary: F.greenHash, canaryWeight: 0))
    }

    @Test func headerRoutesAreVerifiedByName() {
        let route = SetHeaderRoute(name: "testers", match: [HeaderRouteMatch(headerName: "x-canary", headerValue: StringMatch(exact: "yes"))])
        var step = CanaryStep()
        step.setHeaderRoute = route
        let steps = [step, CanaryStep(pause: PauseStep())]
        var reported = route
        reported.match = []
        let snapshot = updating(steps: steps, traffic: TrafficState(stable: F.blueHash, canary: F.greenHash, canaryWeight: 0, headerRoutes: [reported]), canaryPods: 0) {
            $0.trafficRouting?.managedRoutes = [ManagedRoute(name: "testers")]
        }
        let decision = reconcile(snapshot, now: F.start)
        #expect(decision.status.currentStepIndex == 1)
        #expect(decision.traffic?.headerRoutes == [route])
    }

    @Test func aRuntimeWithoutARequestRouterSaysSoAndIsNotWaitedOn() {
        var step = CanaryStep()
        step.setHeaderRoute = SetHeaderRoute(name: "testers", match: [HeaderRouteMatch(headerName: "x-canary", headerValue: StringMatch(exact: "yes"))])
        let snapshot = updating(steps: [step, CanaryStep(pause: PauseStep())],
                                traffic: TrafficState(stable: F.blueHash, canary: F.greenHash, canaryWeight: 0, routesRequests: false), canaryPods: 0) {
            $0.trafficRouting?.managedRoutes = [ManagedRoute(name: "testers")]
        }
        let decision = reconcile(snapshot, now: F.start)
        #expect(decision.status.currentStepIndex == 1)
        #expect(decision.events.contains { $0.reason == .stepSkipped && $0.isWarning && $0.message.contains("testers") })
    }

    /// Events follow what the router reports: none while a change is only asked for, one when it is in effect.
    @Test func weightAndSwitchEventsAreRecordedOncePerTransition() {
        let steps = [CanaryStep(setWeight: 25), CanaryStep(pause: PauseStep())]
        var snapshot = updating(steps: steps, traffic: TrafficState(stable: F.blueHash, canary: F.blueHash, canaryWeight: 0))
        var weightEvents: [String] = []
        for _ in 0..<10 {
            let decision = reconcile(snapshot, now: F.start)
            // Looking again while the router has not moved adds nothing.
            let unmoved = F.applied(decision, to: snapshot).withTraffic(snapshot.traffic)
            #expect(!reconcile(unmoved, now: F.start).events.contains { $0.reason == .trafficWeightChanged })
            weightEvents += decision.events.filter { $0.reason == .trafficWeightChanged }.map(\.message)
            snapshot = F.applied(decision, to: snapshot)
        }
        #expect(weightEvents == ["canary weight is now 25% (was 0%)"])

        var blueGreen = F.blueGreenRollout(replicas: 2)
        blueGreen.status = F.stableBlueStatus()
        let (_, switched) = F.settle(RolloutSnapshot(rollout: blueGreen, revisions: [F.revision(F.blue, number: 1, replicas: 2)], traffic: TrafficState(stable: F.blueHash, canary: F.blueHash)))
        #expect(switched.status.stableRS == F.greenHash)
        var bgSnapshot = RolloutSnapshot(rollout: blueGreen, revisions: [F.revision(F.blue, number: 1, replicas: 2)], traffic: TrafficState(stable: F.blueHash, canary: F.blueHash))
        var switches = 0
        for _ in 0..<20 {
            let decision = reconcile(bgSnapshot, now: F.start)
            switches += decision.events.filter { $0.reason == .activeSwitched }.count
            bgSnapshot = F.applied(decision, to: bgSnapshot)
        }
        #expect(switches == 1)
    }

    /// A status behind the data plane (a stale snapshot) never takes back a weight the router already confirmed.
    @Test func aStaleStatusNeverLowersAConfirmedWeight() {
        let steps = [CanaryStep(setWeight: 20), CanaryStep(setWeight: 50), CanaryStep(pause: PauseStep())]
        var snapshot = updating(steps: steps, traffic: TrafficState(stable: F.blueHash, canary: F.greenHash, canaryWeight: 50), canaryPods: 2, stepIndex: 0)
        var canary = CanaryStatus()
        canary.weights = TrafficWeights(canary: WeightDestination(weight: 20, podTemplateHash: F.greenHash), stable: WeightDestination(weight: 80, podTemplateHash: F.blueHash), verified: true)
        snapshot.rollout.status?.canary = canary
        let decision = reconcile(snapshot, now: F.start)
        #expect(decision.traffic?.canaryWeight == 50)
        // An abort still takes it to 0 at once.
        snapshot.rollout.status?.abort = true
        snapshot.rollout.status?.abortedAt = F.start
        #expect(reconcile(snapshot, now: F.start).traffic?.canaryWeight == 0)
    }

    /// A status from before the promotion, read after the router moved the stable pin, holds the promoted traffic
    /// and replicas instead of pointing the stable service back at the old revision.
    @Test func aStatusFromBeforeThePromotionHoldsThePromotedTraffic() {
        let steps = [CanaryStep(setWeight: 50), CanaryStep(pause: PauseStep())]
        let promoted = TrafficState(stable: F.greenHash, canary: F.greenHash, canaryWeight: 0)
        var snapshot = updating(steps: steps, traffic: promoted, canaryPods: 4, stepIndex: 1)
        snapshot.revisions[0].scaleDownAt = F.start.adding(seconds: 30)
        let decision = reconcile(snapshot, now: F.start)
        #expect(decision.traffic == promoted)
        #expect(decision.revision(F.greenHash)?.replicas == 4)
        #expect(decision.revision(F.blueHash)?.replicas == 4)
        #expect(decision.status.stableRS == F.blueHash)
        #expect(decision.status.message?.contains("already serves revision 2 as stable") == true)
    }

    @Test func revisionsCarryTheirRole() {
        let canary = reconcile(updating(steps: [CanaryStep(setWeight: 25)], traffic: TrafficState(stable: F.blueHash, canary: F.blueHash, canaryWeight: 0)), now: F.start)
        #expect(canary.revision(F.blueHash)?.role == .stable)
        #expect(canary.revision(F.greenHash)?.role == .canary)
        var blueGreen = F.blueGreenRollout(replicas: 2)
        blueGreen.status = F.stableBlueStatus()
        let preview = reconcile(RolloutSnapshot(rollout: blueGreen, revisions: [F.revision(F.blue, number: 1, replicas: 2)], traffic: TrafficState(stable: F.blueHash, canary: F.blueHash)), now: F.start)
        #expect(preview.revision(F.blueHash)?.role == .active)
        #expect(preview.revision(F.greenHash)?.role == .preview)
    }
}

extension RolloutSnapshot {
    /// The snapshot with the router reporting `traffic`.
    func withTraffic(_ traffic: TrafficState?) -> RolloutSnapshot {
        var next = self
        next.traffic = traffic
        return next
    }
}
