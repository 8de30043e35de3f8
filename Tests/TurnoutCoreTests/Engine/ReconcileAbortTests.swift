import Testing
import TurnoutCore

@Suite struct ReconcileAbortTests {
    typealias F = EngineFixture

    /// An update from blue to green that was aborted, with the pods each revision has now.
    func aborted(
        _ rollout: Rollout, canary: RevisionReplicas, stable: RevisionReplicas, traffic: TrafficState? = nil
    ) -> RolloutSnapshot {
        var rollout = rollout
        var status = F.stableBlueStatus()
        status.currentPodHash = F.greenHash
        status.currentStepIndex = 0
        status.abort = true
        status.abortedAt = F.start
        rollout.status = status
        let revisions = [
            RevisionState(hash: F.blueHash, number: 1, template: F.blue, replicas: stable.desired, readyReplicas: stable.available, availableReplicas: stable.available),
            RevisionState(hash: F.greenHash, number: 2, template: F.green, replicas: canary.desired, readyReplicas: canary.available, availableReplicas: canary.available),
        ]
        return RolloutSnapshot(rollout: rollout, revisions: revisions, traffic: traffic)
    }

    struct BasicRow: Sendable, CustomTestStringConvertible {
        var name: String
        var canary: RevisionReplicas
        var stable: RevisionReplicas
        var expectedCanary: Int
        var expectedStable: Int
        var testDescription: String { name }
    }

    /// Argo Rollouts' TestCalculateReplicaCountsForCanary, "honor maxUnavailable when aborting or reducing weight"
    /// parts 1–3: 4 replicas, maxSurge 1, maxUnavailable 0, aborted from 4 canary / 0 stable.
    @Test(arguments: [
        BasicRow(name: "part 1: surge one stable pod before touching the canary", canary: .init(desired: 4, available: 4),
                 stable: .init(desired: 0, available: 0), expectedCanary: 4, expectedStable: 1),
        BasicRow(name: "part 2: hold while that stable pod is not available", canary: .init(desired: 4, available: 4),
                 stable: .init(desired: 1, available: 0), expectedCanary: 4, expectedStable: 1),
        BasicRow(name: "part 3: then one canary pod goes", canary: .init(desired: 4, available: 4),
                 stable: .init(desired: 1, available: 1), expectedCanary: 3, expectedStable: 1),
    ])
    func basicCanaryAbortHonoursSurgeAndUnavailable(_ row: BasicRow) {
        let rollout = F.canaryRollout(replicas: 4, steps: [CanaryStep(setWeight: 100)]) {
            $0.maxSurge = .count(1)
            $0.maxUnavailable = .count(0)
        }
        let decision = reconcile(aborted(rollout, canary: row.canary, stable: row.stable), now: F.start)
        #expect(decision.revision(F.greenHash)?.replicas == row.expectedCanary)
        #expect(decision.revision(F.blueHash)?.replicas == row.expectedStable)
        #expect(decision.status.phase == .degraded)
    }

    /// The whole basic abort, with pods becoming available one look after they are asked for:
    /// never more than replicas + maxSurge pods, never fewer than replicas available, ending on 4 stable.
    @Test func basicCanaryAbortNeverExceedsTheSurgeLimit() {
        let rollout = F.canaryRollout(replicas: 4, steps: [CanaryStep(setWeight: 100)]) {
            $0.maxSurge = .count(1)
            $0.maxUnavailable = .count(0)
        }
        var snapshot = aborted(rollout, canary: .init(desired: 4, available: 4), stable: .init(desired: 0, available: 0))
        var seen: [[Int]] = []
        for _ in 0..<20 {
            let decision = reconcile(snapshot, now: F.start)
            let pods = decision.revisions.map(\.replicas)
            #expect(pods.reduce(0, +) <= 5)
            if seen.last != pods { seen.append(pods) }
            var next = F.applied(decision, to: snapshot)
            // Pods come up one look later: availability is what was asked last time, capped by what was asked now.
            for index in next.revisions.indices {
                let before = snapshot.revision(next.revisions[index].hash)
                let available = min(next.revisions[index].replicas, before?.replicas ?? 0)
                next.revisions[index].availableReplicas = available
                next.revisions[index].readyReplicas = available
            }
            #expect(next.revisions.reduce(0) { $0 + $1.availableReplicas } >= 4)
            snapshot = next
        }
        #expect(seen.first == [1, 4])
        #expect(seen.last == [4, 0])
    }

    /// Argo: "abortScaleDownDelaySeconds: 0 means canary pods are not scaled down" (and for blue-green, the preview).
    @Test func abortScaleDownDelayZeroNeverScalesTheCanaryDown() {
        let routed = F.canaryRollout(replicas: 4, steps: [CanaryStep(setWeight: 50)], routed: true) { $0.abortScaleDownDelaySeconds = 0 }
        let traffic = TrafficState(stable: F.blueHash, canary: F.greenHash, canaryWeight: 0)
        let canary = aborted(routed, canary: .init(desired: 2, available: 2), stable: .init(desired: 4, available: 4), traffic: traffic)
        let blueGreen = F.blueGreenRollout(replicas: 3) { $0.abortScaleDownDelaySeconds = 0 }
        let preview = aborted(blueGreen, canary: .init(desired: 3, available: 3), stable: .init(desired: 3, available: 3), traffic: TrafficState(stable: F.blueHash, canary: F.greenHash))
        for snapshot in [canary, preview] {
            for later in [0.0, 30, 3600, 86_400] {
                let decision = reconcile(snapshot, now: F.start.adding(seconds: later))
                #expect(decision.revision(F.greenHash)?.replicas == snapshot.revision(F.greenHash)?.replicas)
                #expect(decision.revision(F.greenHash)?.scaleDownAt == nil)
                #expect(decision.traffic?.stable == F.blueHash)
            }
        }
    }

    /// Without the field the canary still goes after the default 30 s.
    @Test func abortScaleDownDelayDefaultsToThirtySeconds() {
        let routed = F.canaryRollout(replicas: 4, steps: [CanaryStep(setWeight: 50)], routed: true)
        let snapshot = aborted(routed, canary: .init(desired: 2, available: 2), stable: .init(desired: 4, available: 4),
                               traffic: TrafficState(stable: F.blueHash, canary: F.greenHash, canaryWeight: 0))
        #expect(reconcile(snapshot, now: F.start).revision(F.greenHash)?.scaleDownAt == F.start.adding(seconds: 30))
        #expect(reconcile(snapshot, now: F.start.adding(seconds: 30)).revision(F.greenHash)?.replicas == 0)
    }

    /// Argo #4035 in the engine: 10 replicas, steps 20 and 60, aborted at 60/40 with 6 canary and 4 stable pods.
    @Test func dynamicStableScaleAbortStepsTheStableBackUp() {
        let rollout = F.canaryRollout(replicas: 10, steps: [CanaryStep(setWeight: 20), CanaryStep(setWeight: 60)], routed: true) {
            $0.dynamicStableScale = true
        }
        var snapshot = aborted(rollout, canary: .init(desired: 6, available: 6), stable: .init(desired: 4, available: 4),
                               traffic: TrafficState(stable: F.blueHash, canary: F.greenHash, canaryWeight: 60))
        let first = reconcile(snapshot, now: F.start)
        #expect(first.revision(F.greenHash)?.replicas == 6)
        #expect(first.revision(F.blueHash)?.replicas == 8)
        #expect(first.traffic?.canaryWeight == 60)
        var weights = [60]
        for _ in 0..<20 {
            let decision = reconcile(snapshot, now: F.start)
            #expect(decision.revisions.map(\.replicas).reduce(0, +) <= 14)
            if let weight = decision.traffic?.canaryWeight, weight != weights.last {
                #expect(weight < weights.last ?? 100)
                weights.append(weight)
            }
            snapshot = F.applied(decision, to: snapshot)
        }
        #expect(weights == [60, 20, 0])
        #expect(snapshot.revision(F.blueHash)?.replicas == 10)
        #expect(snapshot.revision(F.greenHash)?.replicas == 0)
    }
}
