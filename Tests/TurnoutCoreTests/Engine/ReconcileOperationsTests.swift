import Testing
import TurnoutCore

@Suite struct ReconcileOperationsTests {
    typealias F = EngineFixture

    func pausedCanary() -> RolloutSnapshot {
        var rollout = F.canaryRollout(replicas: 4, steps: [CanaryStep(setWeight: 25), CanaryStep(pause: PauseStep()), CanaryStep(setWeight: 75), CanaryStep(pause: PauseStep())], routed: true)
        rollout.status = F.stableBlueStatus(stepCount: 4)
        let snapshot = RolloutSnapshot(rollout: rollout, revisions: [F.revision(F.blue, number: 1, replicas: 4)], traffic: TrafficState(stable: F.blueHash, canary: F.blueHash, canaryWeight: 0))
        return F.settle(snapshot).0
    }

    func applying(_ operation: RolloutOperation, to snapshot: RolloutSnapshot) -> RolloutSnapshot {
        var next = snapshot
        next.rollout = try! snapshot.rollout.applying(operation, revisions: snapshot.revisions, now: F.start)
        return next
    }

    @Test func promoteGoesOnePauseFurther() {
        let (_, decision) = F.settle(applying(.promote(full: false), to: pausedCanary()))
        #expect(decision.status.currentStepIndex == 3)
        #expect(decision.traffic?.canaryWeight == 75)
        #expect(decision.status.phase == .paused)
    }

    @Test func promoteFullSkipsRemainingSteps() {
        let (_, decision) = F.settle(applying(.promote(full: true), to: pausedCanary()))
        #expect(decision.status.stableRS == F.greenHash)
        #expect(decision.status.phase == .healthy)
    }

    @Test func abortSendsTrafficBackAtOnceAndRetryStartsOver() {
        let aborted = F.settle(applying(.abort, to: pausedCanary()))
        #expect(aborted.1.traffic?.canaryWeight == 0)
        #expect(aborted.1.status.phase == .degraded)
        #expect(aborted.1.status.message == "RolloutAborted: rollout aborted update to revision 2: aborted by a user")
        #expect(aborted.1.revision(F.greenHash)?.replicas == 1)
        let later = reconcile(aborted.0, now: F.start.adding(seconds: 30))
        #expect(later.revision(F.greenHash)?.replicas == 0)
        let retried = F.settle(applying(.retry, to: aborted.0))
        #expect(retried.1.status.isAborted == false)
        #expect(retried.1.status.currentStepIndex == 1)
        #expect(retried.1.traffic?.canaryWeight == 25)
    }

    @Test func aUserAbortIsAnnouncedOnceWhenTheEngineFirstSeesIt() {
        let snapshot = applying(.abort, to: pausedCanary())
        let first = reconcile(snapshot, now: F.start)
        let announced = first.events.filter { $0.reason == .aborted }
        #expect(announced.count == 1)
        #expect(announced.first?.isWarning == true)
        #expect(announced.first?.message == "RolloutAborted: rollout aborted update to revision 2: aborted by a user")
        let second = reconcile(F.applied(first, to: snapshot), now: F.start.adding(seconds: 1))
        #expect(!second.events.contains { $0.reason == .aborted })
    }

    @Test func retryOfHealthyRolloutIsRefused() {
        let healthy = F.settle(RolloutSnapshot(rollout: F.canaryRollout(steps: [], image: F.blue))).0
        #expect(throws: RolloutOperationError.notAborted(rollout: "demo")) {
            try healthy.rollout.applying(.retry, revisions: healthy.revisions, now: F.start)
        }
    }

    @Test func userPauseHoldsEverything() {
        let snapshot = applying(.pause, to: pausedCanary())
        let decision = reconcile(applying(.promote(full: false), to: applying(.pause, to: snapshot)), now: F.start)
        #expect(decision.status.phase != .paused || decision.status.currentStepIndex == 1)
        let held = reconcile(snapshot, now: F.start)
        #expect(held.status.phase == .paused)
        #expect(held.status.message == "paused by a user; resume to continue")
        #expect(held.revision(F.greenHash)?.replicas == 1)
        let (_, resumed) = F.settle(applying(.resume, to: snapshot))
        #expect(resumed.status.currentStepIndex == 1)
    }

    @Test func setImageStartsANewUpdate() {
        let healthy = F.settle(RolloutSnapshot(rollout: F.canaryRollout(steps: [CanaryStep(setWeight: 50), CanaryStep(pause: PauseStep())], image: F.blue))).0
        let updated = applying(.setImage(container: "demo", image: "argoproj/rollouts-demo:green"), to: healthy)
        let (_, decision) = F.settle(updated)
        #expect(decision.status.currentPodHash == F.greenHash)
        #expect(decision.status.currentStepIndex == 1)
        #expect(throws: RolloutOperationError.self) {
            try healthy.rollout.applying(.setImage(container: "nope", image: "x"), revisions: [], now: F.start)
        }
    }

    @Test func restartIsCarriedOutPerRevisionAndRecorded() {
        let healthy = F.settle(RolloutSnapshot(rollout: F.canaryRollout(steps: [], image: F.blue))).0
        let restarting = applying(.restart, to: healthy)
        let first = reconcile(restarting, now: F.start)
        #expect(first.revision(F.blueHash)?.restartAt == F.start.rfc3339)
        #expect(first.status.restartedAt == nil)
        let (_, done) = F.settle(restarting)
        #expect(done.status.restartedAt == F.start.rfc3339)
    }

    @Test func progressDeadlineDegradesAndCanAbort() {
        var rollout = F.canaryRollout(replicas: 2, steps: [CanaryStep(setWeight: 50)], routed: true)
        rollout.spec.progressDeadlineSeconds = 60
        rollout.spec.progressDeadlineAbort = true
        rollout.status = F.stableBlueStatus(stepCount: 1)
        let snapshot = RolloutSnapshot(rollout: rollout, revisions: [F.revision(F.blue, number: 1, replicas: 2)], traffic: TrafficState(stable: F.blueHash, canary: F.blueHash, canaryWeight: 0))
        // The canary never becomes available.
        let first = reconcile(snapshot, now: F.start)
        var stuck = F.applied(first, to: snapshot)
        stuck.revisions = stuck.revisions.map { var revision = $0; if revision.hash == F.greenHash { revision.availableReplicas = 0; revision.readyReplicas = 0 }; return revision }
        stuck.traffic = snapshot.traffic
        // The canary replica appearing at t=30 counts as progress; the deadline runs from there.
        let waiting = reconcile(stuck, now: F.start.adding(seconds: 30))
        #expect(waiting.status.phase == .progressing)
        stuck.rollout.status = waiting.status
        let notYet = reconcile(stuck, now: F.start.adding(seconds: 89))
        #expect(notYet.status.phase == .progressing)
        let late = reconcile(stuck, now: F.start.adding(seconds: 91))
        #expect(late.status.condition(.progressing)?.reason == .progressDeadlineExceeded)
        #expect(late.status.isAborted)
        #expect(late.status.phase == .degraded)
    }

    @Test func aFirstRevisionPastItsDeadlineIsDegradedButNotAborted() {
        // Argo aborts only an update in flight: a first revision is already the stable one.
        var rollout = F.canaryRollout(replicas: 2, steps: [CanaryStep(setWeight: 50)], image: F.blue)
        rollout.spec.progressDeadlineSeconds = 60
        rollout.spec.progressDeadlineAbort = true
        let empty = RolloutSnapshot(rollout: rollout)
        let first = reconcile(empty, now: F.start)
        var slow = F.applied(first, to: empty)
        slow.revisions = slow.revisions.map { var revision = $0; revision.availableReplicas = 0; revision.readyReplicas = 0; return revision }
        // The replicas appearing count as progress; the deadline runs from there, and nothing moves after.
        slow.rollout.status = reconcile(slow, now: F.start.adding(seconds: 1)).status
        let late = reconcile(slow, now: F.start.adding(seconds: 62))
        #expect(late.status.condition(.progressing)?.reason == .progressDeadlineExceeded)
        #expect(late.status.phase == .degraded)
        #expect(!late.status.isAborted)
        #expect(!late.events.contains { $0.reason == .aborted })
    }

    @Test func rollbackWindowFastTracksAnOlderRevision() {
        var rollout = F.canaryRollout(replicas: 2, steps: [CanaryStep(setWeight: 50), CanaryStep(pause: PauseStep())], image: F.blue)
        rollout.spec.rollbackWindow = RollbackWindow(revisions: 2)
        var status = RolloutStatus()
        status.stableRS = F.greenHash
        status.currentPodHash = F.greenHash
        status.currentStepIndex = 2
        rollout.status = status
        let snapshot = RolloutSnapshot(
            rollout: rollout,
            revisions: [F.revision(F.blue, number: 1, replicas: 0), F.revision(F.green, number: 2, replicas: 2)],
            traffic: TrafficState(stable: F.greenHash, canary: F.greenHash)
        )
        let (_, decision) = F.settle(snapshot)
        #expect(decision.status.stableRS == F.blueHash)
        #expect(decision.revision(F.blueHash)?.number == 3)
        #expect(decision.status.phase == .healthy)
    }

    @Test func invalidSpecChangesNothing() {
        var rollout = F.canaryRollout(steps: [])
        rollout.spec.strategy?.blueGreen = BlueGreenStrategy(activeService: "a")
        let snapshot = RolloutSnapshot(rollout: rollout, revisions: [F.revision(F.blue, number: 1, replicas: 3)])
        let decision = reconcile(snapshot, now: F.start)
        #expect(decision.revisions.map(\.replicas) == [3])
        #expect(decision.traffic == nil)
        #expect(decision.status.phase == .degraded)
        #expect(decision.status.condition(.invalidSpec)?.reason == .invalidSpec)
    }
}
