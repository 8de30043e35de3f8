import Foundation
import Testing
import TurnoutCore
import TurnoutLocal

@Suite struct LocalStoreTests {
    @Test func createsTheStateDirectoryPrivateAndTheDatabaseInWALMode() throws {
        try StoreFixture.withStore { store, directory in
            let attributes = try FileManager.default.attributesOfItem(atPath: directory.path)
            #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o700)
            #expect(store.databasePath == directory.appendingPathComponent("state.sqlite").path)
            #expect(FileManager.default.fileExists(atPath: store.databasePath))
            #expect(FileManager.default.fileExists(atPath: store.databasePath + "-wal"))
            #expect(try store.integrityCheck() == ["ok"])
        }
    }

    @Test func refusesAFileAsStateDirectory() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("turnout-store-file-\(UUID().uuidString)")
        try Data().write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        #expect(throws: LocalStoreError.self) { try LocalStore(directory: file, clock: FixedClock()) }
    }

    @Test func reopeningKeepsEverything() throws {
        let directory = StoreFixture.stateDirectory()
        defer { try? FileManager.default.removeItem(at: directory.deletingLastPathComponent()) }
        let target = RevisionTarget(hash: "abc", number: 1, template: StoreFixture.template("demo:blue"), replicas: 2, scaleDownAt: StoreFixture.start.adding(seconds: 30.25))
        let traffic = TrafficState(stable: "abc", canary: "def", canaryWeight: 20)
        let replica = ReplicaRecord(rollout: "web", revisionHash: "abc", index: 0, pid: 4242, port: 50_001, startedAt: StoreFixture.start, restartCount: 1)
        var status = RolloutStatus()
        status.phase = .paused
        status.observedGeneration = 1
        do {
            let store = try LocalStore(directory: directory, clock: FixedClock())
            _ = try store.apply([StoreFixture.rollout(), StoreFixture.service(name: "web-active"), StoreFixture.analysisTemplate(name: "rate")])
            try store.saveStatus(status, ofRollout: "web")
            try store.saveRevisionTargets([target], forRollout: "web")
            try store.saveDesiredTraffic(traffic, forRollout: "web")
            try store.saveReplica(replica)
            try store.record([RolloutEvent(.paused, "waiting for promotion")], forRollout: "web", at: StoreFixture.start)
            try store.close()
        }
        let reopened = try LocalStore(directory: directory, clock: FixedClock())
        #expect(try reopened.rollout(named: "web")?.status == status)
        #expect(try reopened.objects(kind: "Service").count == 1)
        #expect(try reopened.analysisTemplate(named: "rate", clusterScoped: false) != nil)
        #expect(try reopened.revisionTargets(forRollout: "web") == [target])
        #expect(try reopened.desiredTraffic(forRollout: "web") == traffic)
        #expect(try reopened.replicas(ofRollout: "web") == [replica])
        #expect(try reopened.events(forRollout: "web").map(\.event.message) == ["waiting for promotion"])
    }

    @Test func closedStoreFailsWithAnErrorNamingTheAction() throws {
        try StoreFixture.withStore { store, _ in
            try store.close()
            #expect {
                try store.rollouts()
            } throws: { error in
                (error as? LocalStoreError)?.description.hasPrefix("list Rollout objects") == true
            }
        }
    }

    @Test(arguments: [
        (LocalStoreError.conflict(action: "save status of", rollout: "default/web", reason: "changed"), true),
        (LocalStoreError.database(action: "apply 1 objects", reason: "database is locked", isBusy: true), true),
        (LocalStoreError.database(action: "apply 1 objects", reason: "disk I/O error", isBusy: false), false),
        (LocalStoreError.rolloutNotFound(action: "save status of", rollout: "default/web"), false),
    ])
    func retryableErrors(error: LocalStoreError, isRetryable: Bool) {
        #expect(error.isRetryable == isRetryable)
    }
}
