import Testing
import TurnoutCore

@Suite struct ReconcileBlueGreenTests {
    typealias F = EngineFixture

    func updating(replicas: Int = 3, configure: (inout BlueGreenStrategy) -> Void = { _ in }) -> RolloutSnapshot {
        var rollout = F.blueGreenRollout(replicas: replicas, configure: configure)
        rollout.status = F.stableBlueStatus()
        return RolloutSnapshot(rollout: rollout, revisions: [F.revision(F.blue, number: 1, replicas: replicas)], traffic: TrafficState(stable: F.blueHash, canary: F.blueHash))
    }

    @Test func previewPointsAtNewRevisionWhileActiveStays() {
        let decision = reconcile(updating { $0.autoPromotionEnabled = false }, now: F.start)
        #expect(decision.traffic == TrafficState(stable: F.blueHash, canary: F.greenHash))
        #expect(decision.revision(F.greenHash)?.replicas == 3)
        #expect(decision.revision(F.blueHash)?.replicas == 3)
        #expect(decision.status.phase == .progressing)
    }

    @Test func previewReplicaCountScalesUpOnlyAfterPromotion() {
        let (snapshot, paused) = F.settle(updating(replicas: 4) { $0.autoPromotionEnabled = false; $0.previewReplicaCount = 1 })
        #expect(paused.revision(F.greenHash)?.replicas == 1)
        #expect(paused.status.phase == .paused)
        #expect(paused.status.activePauseConditions.map(\.reason) == [.blueGreenPause])
        #expect(paused.traffic?.stable == F.blueHash)
        var next = snapshot
        next.rollout = try! next.rollout.applying(.promote(full: false), revisions: next.revisions, now: F.start)
        let scaling = reconcile(next, now: F.start)
        #expect(scaling.revision(F.greenHash)?.replicas == 4)
        #expect(scaling.traffic?.stable == F.blueHash)
        let (_, switched) = F.settle(next)
        #expect(switched.traffic?.stable == F.greenHash)
        #expect(switched.status.stableRS == F.greenHash)
        #expect(switched.status.phase == .healthy)
    }

    @Test func aTrafficMoveIsReportedUnverifiedUntilTheRouterConfirmsIt() {
        let moving = reconcile(updating { $0.autoPromotionEnabled = false }, now: F.start)
        let waiting = moving.status.condition(.trafficVerified)
        #expect(waiting?.status == .false && waiting?.reason == .trafficNotVerified, "\(String(describing: waiting))")
        #expect(waiting?.message.contains("revision 2 as canary") == true, "\(waiting?.message ?? "")")
        let (_, paused) = F.settle(updating { $0.autoPromotionEnabled = false })
        let confirmed = paused.status.condition(.trafficVerified)
        #expect(confirmed?.status == .true && confirmed?.reason == .trafficVerified)
        #expect(paused.status.blueGreen?.previewSelector == F.greenHash, "the preview selector is the one the router confirmed")
    }

    /// A controller that writes on every reconcile of an unchanged paused rollout would wake itself with its own
    /// writes for ever: later reconciles must decide the very same status.
    @Test func aPausedRolloutReconciledLaterKeepsItsStatus() {
        let (snapshot, paused) = F.settle(updating { $0.autoPromotionEnabled = false })
        #expect(paused.status.phase == .paused)
        var settled = snapshot
        settled.rollout.status = paused.status
        #expect(reconcile(settled, now: F.start.adding(seconds: 42)).status == paused.status)
    }

    @Test func oldRevisionScalesDownAfterDelay() {
        let (snapshot, decision) = F.settle(updating { $0.scaleDownDelaySeconds = 30 })
        #expect(decision.status.stableRS == F.greenHash)
        #expect(decision.revision(F.blueHash)?.replicas == 3)
        #expect(decision.revision(F.blueHash)?.scaleDownAt == F.start.adding(seconds: 30))
        #expect(decision.requeueAfter == 30)
        let later = reconcile(snapshot, now: F.start.adding(seconds: 30))
        #expect(later.revision(F.blueHash)?.replicas == 0)
    }

    @Test func autoPromotionSecondsPausesThenSwitches() {
        let (snapshot, decision) = F.settle(updating { $0.autoPromotionSeconds = 20 })
        #expect(decision.status.phase == .paused)
        #expect(decision.requeueAfter == 20)
        let (_, later) = F.settle(snapshot, now: F.start.adding(seconds: 20))
        #expect(later.status.stableRS == F.greenHash)
    }

    @Test func failedPrePromotionAnalysisAbortsWithoutSwitching() {
        var (snapshot, decision) = F.settle(updating { $0.prePromotionAnalysis = RolloutAnalysis(templates: [AnalysisTemplateReference(templateName: "smoke")]) })
        #expect(decision.status.blueGreen?.prePromotionAnalysisRunStatus?.status == .running)
        snapshot.analysisRuns[0].phase = .failed
        let (_, aborted) = F.settle(snapshot)
        #expect(aborted.status.isAborted)
        #expect(aborted.traffic?.stable == F.blueHash)
        #expect(aborted.status.phase == .degraded)
        #expect(aborted.revision(F.greenHash)?.scaleDownAt == F.start.adding(seconds: 30))
    }

    @Test func failedPostPromotionAnalysisSwitchesActiveBack() {
        var (snapshot, decision) = F.settle(updating { $0.postPromotionAnalysis = RolloutAnalysis(templates: [AnalysisTemplateReference(templateName: "after")]) })
        #expect(decision.traffic?.stable == F.greenHash)
        #expect(decision.status.stableRS == F.blueHash)
        snapshot.analysisRuns[0].phase = .failed
        let (_, aborted) = F.settle(snapshot)
        #expect(aborted.traffic?.stable == F.blueHash)
        #expect(aborted.status.stableRS == F.blueHash)
        #expect(aborted.status.condition(.progressing)?.reason == .rolloutAborted)
    }

    @Test func undoToRevisionStillRunningSwitchesAtOnce() {
        // Green became stable; blue still runs inside its scale-down delay. Undo goes straight back.
        var (snapshot, _) = F.settle(updating { $0.autoPromotionEnabled = false; $0.prePromotionAnalysis = RolloutAnalysis(templates: [AnalysisTemplateReference(templateName: "smoke")]) })
        snapshot.analysisRuns[0].phase = .successful
        snapshot.rollout = try! snapshot.rollout.applying(.promote(full: true), revisions: snapshot.revisions, now: F.start)
        (snapshot, _) = F.settle(snapshot)
        #expect(snapshot.rollout.status?.stableRS == F.greenHash)
        snapshot.rollout = try! snapshot.rollout.applying(.undo(toRevision: nil), revisions: snapshot.revisions, now: F.start)
        let first = reconcile(snapshot, now: F.start.adding(seconds: 5))
        #expect(first.traffic?.stable == F.blueHash)
        #expect(first.status.promoteFull == true)
        #expect(first.revision(F.blueHash)?.number == 3)
        let (_, rolledBack) = F.settle(snapshot, now: F.start.adding(seconds: 5))
        #expect(rolledBack.status.stableRS == F.blueHash)
        #expect(rolledBack.analysisRunsToStart.isEmpty)
    }
}
