import Testing
import TurnoutCore
import TurnoutTestSupport

/// Walks whole routed canary updates (blue → green) through `reconcile(_:now:)` with a router that confirms each
/// decision late and with stale statuses fed in: the share of production traffic the updated revision receives is
/// never decided below what the router reports, except while the update is aborted or rolled back.
@Suite struct ReconcileWeightMonotonicityTests {
    typealias F = EngineFixture

    /// One update to walk: steps whose weights only rise, and the strategy options around them.
    struct Walk: Sendable, CustomTestStringConvertible {
        var name: String
        var steps: [CanaryStep]
        var dynamicStableScale = false
        var managedRoutes: [String] = []
        var testDescription: String { name }
    }

    static let pause = CanaryStep(pause: PauseStep(duration: DurationValue("10s")))

    static func headerRoute(_ match: [HeaderRouteMatch]?) -> CanaryStep {
        var step = CanaryStep()
        step.setHeaderRoute = SetHeaderRoute(name: "testers", match: match)
        return step
    }

    static let weights = [CanaryStep(setWeight: 20), pause, CanaryStep(setWeight: 50), pause, CanaryStep(setWeight: 80), pause]

    static let walks: [Walk] = [
        Walk(name: "setWeight 20/50/80 with pauses", steps: weights),
        Walk(name: "dynamicStableScale", steps: weights, dynamicStableScale: true),
        Walk(name: "setCanaryScale", steps: [
            CanaryStep(setCanaryScale: SetCanaryScale(replicas: 2)), CanaryStep(setWeight: 20), pause,
            CanaryStep(setCanaryScale: SetCanaryScale(weight: 75)), CanaryStep(setWeight: 50), pause,
            CanaryStep(setCanaryScale: SetCanaryScale(matchTrafficWeight: true)), CanaryStep(setWeight: 80), pause,
        ]),
        Walk(name: "header routes", steps: [
            CanaryStep(setWeight: 20), headerRoute([HeaderRouteMatch(headerName: "x-canary", headerValue: StringMatch(exact: "yes"))]), pause,
            CanaryStep(setWeight: 50), pause, headerRoute(nil), CanaryStep(setWeight: 80), pause,
        ], managedRoutes: ["testers"]),
    ]

    /// The percent of production traffic that reaches the updated (green) revision.
    static func updatedShare(_ traffic: TrafficState?) -> Int {
        guard let traffic else { return 0 }
        let weight = traffic.canaryWeight ?? 0
        return (traffic.canary == F.greenHash ? weight : 0) + (traffic.stable == F.greenHash ? 100 - weight : 0)
    }

    /// A router that carries out what it was last asked after `lag` looks (0: before the next look).
    struct LaggingRouter {
        var observed: TrafficState
        var asked: TrafficState?
        var looksLeft = 0

        mutating func hear(_ wanted: TrafficState?, lag: Int) {
            if let wanted, wanted != observed, wanted != asked {
                asked = wanted
                looksLeft = lag
            }
            guard let target = asked else { return }
            if looksLeft == 0 {
                observed = target
                asked = nil
            } else {
                looksLeft -= 1
            }
        }
    }

    /// What a look at `snapshot` decided fails the property: the updated revision loses confirmed traffic.
    static func lowersConfirmedShare(_ snapshot: RolloutSnapshot, _ decision: Decision) -> Bool {
        let isAborting = snapshot.rollout.status?.isAborted == true || decision.status.isAborted
        let isRollingBack = snapshot.rollout.spec.template.map(podTemplateHash) != F.greenHash
        guard !isAborting, !isRollingBack else { return false }
        let decided = decision.traffic ?? snapshot.traffic
        return updatedShare(decided) < updatedShare(snapshot.traffic)
    }

    struct Outcome {
        var world: RolloutSnapshot
        var looks = 0
        var staleLooks = 0
        var violations: [String] = []
        var sawAbortLowering = false
    }

    /// Walks `walk` until green is stable and carries all traffic, then `afterwards` looks more (so stale statuses
    /// from before the promotion meet the promoted traffic), or until `limit` looks pass; `abortAtShare` aborts
    /// the update once the router reports that share to green.
    static func run(_ walk: Walk, seed: UInt64, abortAtShare: Int? = nil, afterwards: Int = 12, limit: Int = 300) -> Outcome {
        var rng = SplitMix64(seed: seed)
        var rollout = F.canaryRollout(replicas: 4, steps: walk.steps, routed: true) {
            $0.dynamicStableScale = walk.dynamicStableScale ? true : nil
            if !walk.managedRoutes.isEmpty { $0.trafficRouting?.managedRoutes = walk.managedRoutes.map { ManagedRoute(name: $0) } }
        }
        rollout.status = F.stableBlueStatus(stepCount: walk.steps.count)
        var router = LaggingRouter(observed: TrafficState(stable: F.blueHash, canary: F.blueHash, canaryWeight: 0))
        var outcome = Outcome(world: RolloutSnapshot(rollout: rollout, revisions: [F.revision(F.blue, number: 1, replicas: 4)], traffic: router.observed))
        var history: [RolloutStatus] = [rollout.status!]
        var now = F.start
        var isAborted = false
        var looksLeftAfterDone = afterwards
        while outcome.looks < limit {
            outcome.world.traffic = router.observed
            if let share = abortAtShare, !isAborted, updatedShare(router.observed) >= share {
                outcome.world.rollout = try! outcome.world.rollout.applying(.abort, revisions: outcome.world.revisions, now: now)
                isAborted = true
            }
            let snapshot = outcome.world
            if !isAborted, snapshot.rollout.status?.stableRS == F.greenHash, updatedShare(snapshot.traffic) == 100, router.asked == nil {
                if looksLeftAfterDone == 0 { break }
                looksLeftAfterDone -= 1
            }
            let decision = reconcile(snapshot, now: now)
            outcome.looks += 1
            if lowersConfirmedShare(snapshot, decision) {
                outcome.violations.append("look \(outcome.looks): observed \(String(describing: snapshot.traffic)), decided \(String(describing: decision.traffic)), step \(snapshot.rollout.status?.currentStepIndex ?? -1)")
            }
            if isAborted, updatedShare(decision.traffic) < updatedShare(snapshot.traffic) { outcome.sawAbortLowering = true }
            // A stale snapshot: an older status (as a lagging cache returns it) with today's replicas and traffic.
            if history.count > 1, rng.below(3) == 0 {
                var stale = snapshot
                stale.rollout.status = history[rng.below(history.count - 1)]
                let staleDecision = reconcile(stale, now: now)
                outcome.staleLooks += 1
                if lowersConfirmedShare(stale, staleDecision) {
                    outcome.violations.append("stale look \(outcome.looks): status at step \(stale.rollout.status?.currentStepIndex ?? -1), stable \(stale.rollout.status?.stableRS ?? "-"), observed \(String(describing: stale.traffic)), decided \(String(describing: staleDecision.traffic))")
                }
                // Its status write would conflict on the resourceVersion; only the current look's decision is carried out.
            }
            var next = F.applied(decision, to: snapshot)
            next.traffic = router.observed
            outcome.world = next
            history.append(decision.status)
            router.hear(decision.traffic, lag: rng.below(3))
            now = now.adding(seconds: 5)
        }
        return outcome
    }

    @Test(arguments: walks, [UInt64(1), 7, 2026])
    func theUpdatedRevisionNeverLosesConfirmedTraffic(_ walk: Walk, seed: UInt64) {
        let outcome = Self.run(walk, seed: seed)
        #expect(outcome.violations.isEmpty, "\(outcome.violations.prefix(3))")
        #expect(outcome.staleLooks > 0)
        // The walk finished: every step done, green stable with all the traffic.
        #expect(outcome.world.rollout.status?.stableRS == F.greenHash)
        #expect(Self.updatedShare(outcome.world.traffic) == 100)
        #expect(outcome.world.rollout.status?.currentStepIndex == walk.steps.count)
    }

    /// The exception is real: an abort does take confirmed traffic back, and nothing else in the walk does.
    @Test(arguments: [UInt64(3), 11])
    func anAbortIsTheOneThingThatLowersTheWeight(seed: UInt64) {
        let outcome = Self.run(Self.walks[0], seed: seed, abortAtShare: 50, limit: 60)
        #expect(outcome.violations.isEmpty, "\(outcome.violations.prefix(3))")
        #expect(outcome.sawAbortLowering)
        #expect(outcome.world.rollout.status?.isAborted == true)
        #expect(Self.updatedShare(outcome.world.traffic) == 0)
    }
}
