import Foundation
import Testing
import TurnoutCore
import TurnoutLocal
#if canImport(Glibc)
import Glibc
#endif

extension ProcessSupervisorTests {
    /// The variables a process started with.
    static func environment(of pid: Int32) -> [String: String] {
        let data = FileManager.default.contents(atPath: "/proc/\(pid)/environ") ?? Data()
        var environment: [String: String] = [:]
        for entry in data.split(separator: 0).map({ String(decoding: $0, as: UTF8.self) }) {
            guard let equals = entry.firstIndex(of: "=") else { continue }
            environment[String(entry[..<equals])] = String(entry[entry.index(after: equals)...])
        }
        return environment
    }

    /// A supervisor on `scratch`'s state with the test configuration, optionally crashing after a start.
    static func supervisor(_ store: LocalStore, _ scratch: ProcessFixture.Scratch, crashAfterStarts: Int? = nil) -> ProcessSupervisor {
        var configuration = ProcessFixture.configuration(scratch)
        configuration.crashAfterSpawn = crashAfterStarts.map { SpawnCrashPoint(afterStarts: $0, action: .detach) }
        return ProcessSupervisor(store: store, configuration: configuration, clock: ProcessTestClock(), logger: ProcessFixture.logger)
    }

    @Test func aReplicaIsRecordedBeforeItStartsSoACrashRightAfterTheStartLosesNothing() async throws {
        try await ProcessFixture.withSupervisor { _, store, scratch in
            let rollout = ProcessFixture.rollout()
            let target = ProcessFixture.target("h1", ProcessFixture.template(scratch.container(["serve"])), replicas: 3)
            let first = Self.supervisor(store, scratch, crashAfterStarts: 2)
            try await first.apply([target], deleting: [], for: rollout)

            // The first supervisor "died" right after starting replica 1: it runs, recorded by its launch id only.
            let records = try store.replicas(ofRollout: "web")
            #expect(records.map(\.index) == [0, 1])
            #expect(records.first?.pid != nil && records.last?.pid == nil)
            let launchID = try #require(records.last?.launchID)
            #expect(await ProcessFixture.eventually { scratch.events().filter { $0.first == "start" }.count == 2 })

            let second = Self.supervisor(store, scratch)
            try await second.adopt()
            #expect(try await ProcessFixture.eventually { try await Self.ready(second, "h1") == 3 })
            let endpoints = await second.endpoints(ofRollout: "web").flatMap(\.endpoints)
            let found = try #require(endpoints.count == 3 ? endpoints[1].pid : nil)
            #expect(Self.environment(of: found)["TURNOUT_REPLICA_LAUNCH"] == launchID, "the unrecorded process was adopted, found by its launch id")
            #expect(Self.environment(of: found)["TURNOUT_STATE_DIR"] == scratch.stateDirectory.resolvingSymlinksInPath().path)
            #expect(try store.replicas(ofRollout: "web").map(\.pid) == endpoints.map(\.pid), "its pid is recorded now")
            #expect(scratch.events().filter { $0.first == "start" }.count == 3, "only replica 2 was started anew")

            await second.stopAll()
            #expect(endpoints.compactMap(\.pid).allSatisfy { !ProcessFixture.isAlive($0) })
            #expect(try store.replicas().isEmpty)
        }
    }

    @Test func aReplicaProcessNoRecordNamesIsStoppedByTheNextSupervisor() async throws {
        try await ProcessFixture.withSupervisor { first, store, scratch in
            let rollout = ProcessFixture.rollout()
            try await first.apply([ProcessFixture.target("h1", ProcessFixture.template(Self.httpServer), replicas: 2)], deleting: [], for: rollout)
            #expect(try await ProcessFixture.eventually { try await Self.ready(first, "h1") == 2 })
            let before = await first.endpoints(ofRollout: "web").flatMap(\.endpoints).compactMap(\.pid)
            await first.detach()
            // Forgotten, as a daemon older than launch records could forget a replica it had just started.
            try store.deleteReplica(rollout: "web", revisionHash: "h1", index: 1)

            let second = Self.supervisor(store, scratch)
            try await second.adopt()
            #expect(await ProcessFixture.eventually { !ProcessFixture.isAlive(before[1]) }, "the unrecorded replica was stopped")
            #expect(try await ProcessFixture.eventually { try await Self.ready(second, "h1") == 2 })
            let after = await second.endpoints(ofRollout: "web").flatMap(\.endpoints).compactMap(\.pid)
            #expect(after.first == before.first && after.last != before.last, "replica 0 adopted, replica 1 started anew")
            await second.stopAll()
        }
    }

    @Test func replicasOfAnotherStateDirectoryAreLeftRunning() async throws {
        try await ProcessFixture.withSupervisor { other, _, _ in
            try await other.apply([ProcessFixture.target("h1", ProcessFixture.template(Self.httpServer), replicas: 1)], deleting: [], for: ProcessFixture.rollout())
            let pid = try #require(await other.endpoints(ofRollout: "web").first?.endpoints.first?.pid)
            try await ProcessFixture.withSupervisor { mine, _, _ in
                try await mine.adopt()
                #expect(ProcessFixture.isAlive(pid))
            }
            #expect(ProcessFixture.isAlive(pid))
        }
    }

    @Test func aReplicaThatCannotStartLeavesNoRecord() async throws {
        try await ProcessFixture.withSupervisor { supervisor, store, _ in
            let missing = #"{"name": "web", "command": ["/nonexistent/turnout-test-program"]}"#
            let target = ProcessFixture.target("h1", ProcessFixture.template(missing), replicas: 1)
            await #expect(throws: ProcessSupervisorError.self) {
                try await supervisor.apply([target], deleting: [], for: ProcessFixture.rollout())
            }
            let records = try store.replicas()
            #expect(records.isEmpty)
        }
    }
}
