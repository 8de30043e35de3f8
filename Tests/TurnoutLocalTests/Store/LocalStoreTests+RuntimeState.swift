import Foundation
import Testing
import TurnoutCore
import TurnoutRuntime
import TurnoutLocal

extension LocalStoreTests {
    @Test func revisionTargetsAreReplacedAsAWholeAndReadOldestFirst() throws {
        try StoreFixture.withStore { store, _ in
            let blue = RevisionTarget(hash: "b1", number: 1, template: StoreFixture.template("demo:blue"), replicas: 0, scaleDownAt: StoreFixture.start.adding(seconds: 0.0001), restartAt: "2026-01-01T00:00:00Z")
            let green = RevisionTarget(hash: "a2", number: 2, template: StoreFixture.template("demo:green"), replicas: 3)
            try store.saveRevisionTargets([green, blue], forRollout: "web")
            try store.saveRevisionTargets([green], forRollout: "api")
            #expect(try store.revisionTargets(forRollout: "web") == [blue, green])
            try store.saveRevisionTargets([green], forRollout: "web")
            #expect(try store.revisionTargets(forRollout: "web") == [green])
            try store.saveRevisionTargets([], forRollout: "web")
            #expect(try store.revisionTargets(forRollout: "web").isEmpty)
            #expect(try store.revisionTargets(forRollout: "api") == [green])
        }
    }

    @Test func desiredTrafficRoundTripsAndCanBeForgotten() throws {
        try StoreFixture.withStore { store, _ in
            #expect(try store.desiredTraffic(forRollout: "web") == nil)
            let traffic = TrafficState(
                stable: "b1", canary: "a2", canaryWeight: 25,
                headerRoutes: [SetHeaderRoute(name: "testers", match: [HeaderRouteMatch(headerName: "x-tester", headerValue: StringMatch(exact: "yes"))])],
                mirrorRoutes: [SetMirrorRoute(name: "shadow", percentage: 10)]
            )
            try store.saveDesiredTraffic(traffic, forRollout: "web")
            #expect(try store.desiredTraffic(forRollout: "web") == traffic)
            try store.saveDesiredTraffic(TrafficState(stable: "a2", canary: nil), forRollout: "web")
            #expect(try store.desiredTraffic(forRollout: "web") == TrafficState(stable: "a2", canary: nil))
            try store.saveDesiredTraffic(nil, forRollout: "web")
            #expect(try store.desiredTraffic(forRollout: "web") == nil)
        }
    }

    @Test func replicaRecordsAreStoredReplacedAndDeleted() throws {
        try StoreFixture.withStore { store, _ in
            let first = ReplicaRecord(rollout: "web", revisionHash: "b1", index: 0, pid: 101, port: 40_001, startedAt: StoreFixture.start.adding(seconds: 0.125))
            let second = ReplicaRecord(rollout: "web", revisionHash: "b1", index: 1, pid: nil, port: 40_002, startedAt: StoreFixture.start, restartCount: 3)
            let other = ReplicaRecord(rollout: "web", revisionHash: "a2", index: 0, pid: 201, port: 40_003, startedAt: StoreFixture.start)
            for replica in [second, first, other] { try store.saveReplica(replica) }
            #expect(try store.replicas(ofRollout: "web") == [other, first, second])
            var restarted = second
            restarted.pid = 102
            restarted.restartCount = 4
            try store.saveReplica(restarted)
            #expect(try store.replicas(ofRollout: "web") == [other, first, restarted])
            #expect(try store.deleteReplica(rollout: "web", revisionHash: "b1", index: 0))
            #expect(try !store.deleteReplica(rollout: "web", revisionHash: "b1", index: 0))
            #expect(try store.deleteReplicas(rollout: "web", revisionHash: "b1") == 1)
            #expect(try store.replicas() == [other])
        }
    }

    static func run(_ name: String, phase: AnalysisPhase? = nil) -> AnalysisRun {
        let metric = Metric(name: "success-rate", provider: MetricSource(), successCondition: "result >= 0.95")
        var run = AnalysisRun(metadata: ObjectMeta(name: name, labels: ["rollout": "web"]), spec: AnalysisRunSpec(metrics: [metric], args: [AnalysisArgument(name: "service", value: "web")]))
        run.status = phase.map { AnalysisRunStatus(phase: $0) }
        return run
    }

    @Test(arguments: [AnalysisRunRole.background, .step(3), .prePromotion, .postPromotion])
    func analysisRunsAreCreatedOnceUpdatedAndTerminated(role: AnalysisRunRole) throws {
        try StoreFixture.withStore { store, _ in
            let name = "web-b1-\(role.label)"
            let record = AnalysisRunRecord(rollout: "web", role: role, revisionHash: "b1", run: Self.run(name, phase: .running), createdAt: StoreFixture.start)
            #expect(try store.createAnalysisRun(record))
            #expect(try !store.createAnalysisRun(AnalysisRunRecord(rollout: "web", role: .background, revisionHash: "zz", run: Self.run(name), createdAt: StoreFixture.start)))
            let stored = try #require(try store.analysisRun(named: name))
            #expect(stored.role == role)
            #expect(stored.revisionHash == "b1")
            #expect(stored.phase == .running)
            #expect(stored.run.spec == record.run.spec)

            var status = AnalysisRunStatus(phase: .failed, message: "metric \"success-rate\" assessed Failed")
            var result = MetricResult(name: "success-rate", phase: .failed)
            result.measurements = [Measurement(phase: .failed, value: "0.5")]
            status.metricResults = [result]
            try store.updateAnalysisRunStatus(status, ofRun: name)
            #expect(try store.analysisRun(named: name)?.run.status == status)
            #expect(try store.analysisRun(named: name)?.state == AnalysisRunState(name: name, phase: .failed, message: status.message))

            #expect(try store.terminateAnalysisRun(named: name))
            let terminated = try #require(try store.analysisRun(named: name))
            #expect(terminated.isTerminated)
            #expect(terminated.run.spec.terminate == true)
            #expect(terminated.run.status == status)
        }
    }

    @Test func analysisRunsAreListedPerRolloutInCreationOrder() throws {
        try StoreFixture.withStore { store, _ in
            for (rollout, name) in [("web", "web-3"), ("api", "api-1"), ("web", "web-1"), ("web", "web-2")] {
                try store.createAnalysisRun(AnalysisRunRecord(rollout: rollout, role: .background, revisionHash: "b1", run: Self.run(name), createdAt: StoreFixture.start))
            }
            #expect(try store.analysisRuns(ofRollout: "web").map(\.name) == ["web-3", "web-1", "web-2"])
            #expect(try store.analysisRuns(ofRollout: "web").map(\.phase) == [.pending, .pending, .pending])
            #expect(try store.deleteAnalysisRun(named: "web-1"))
            #expect(try store.analysisRuns(ofRollout: "web").map(\.name) == ["web-3", "web-2"])
            #expect(try !store.terminateAnalysisRun(named: "missing"))
            #expect(throws: LocalStoreError.analysisRunNotFound(action: "update status of", run: "default/missing")) {
                try store.updateAnalysisRunStatus(AnalysisRunStatus(phase: .successful), ofRun: "missing")
            }
        }
    }

    @Test func purgingARolloutForgetsItsRuntimeStateOnly() throws {
        try StoreFixture.withStore { store, _ in
            _ = try store.apply([StoreFixture.rollout()])
            for rollout in ["web", "api"] {
                try store.saveRevisionTargets([RevisionTarget(hash: "b1", number: 1, template: StoreFixture.template("demo:blue"), replicas: 1)], forRollout: rollout)
                try store.saveDesiredTraffic(TrafficState(stable: "b1", canary: nil), forRollout: rollout)
                try store.saveReplica(ReplicaRecord(rollout: rollout, revisionHash: "b1", index: 0, pid: 1, port: 1, startedAt: StoreFixture.start))
                try store.createAnalysisRun(AnalysisRunRecord(rollout: rollout, role: .background, revisionHash: "b1", run: Self.run("\(rollout)-run"), createdAt: StoreFixture.start))
                try store.record([RolloutEvent(.completed, "done")], forRollout: rollout, at: StoreFixture.start)
            }
            try store.purgeRuntimeState(ofRollout: "web")
            #expect(try store.revisionTargets(forRollout: "web").isEmpty)
            #expect(try store.desiredTraffic(forRollout: "web") == nil)
            #expect(try store.replicas(ofRollout: "web").isEmpty)
            #expect(try store.analysisRuns(ofRollout: "web").isEmpty)
            #expect(try store.events(forRollout: "web").isEmpty)
            #expect(try store.rollout(named: "web") != nil)
            #expect(try store.revisionTargets(forRollout: "api").count == 1)
            #expect(try store.replicas(ofRollout: "api").count == 1)
            #expect(try store.events(forRollout: "api").count == 1)
        }
    }
}
