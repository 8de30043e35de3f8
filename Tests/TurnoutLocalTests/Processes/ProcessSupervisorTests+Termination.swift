import Foundation
import Testing
import TurnoutCore
import TurnoutLocal

extension ProcessSupervisorTests {
    @Test func preStopRunsAfterTheDrainAndBeforeSIGTERM() async throws {
        try await ProcessFixture.withSupervisor(drain: { address, _, scratch in
            scratch.note("drain", String(address.split(separator: ":")[1]))
        }) { supervisor, _, scratch in
            let rollout = ProcessFixture.rollout()
            let preStop = #""lifecycle": {"preStop": {"exec": {"command": ["python3", "\#(scratch.programPath)", "note", "prestop"]}}}"#
            let template = ProcessFixture.template(scratch.container(["serve"], fields: preStop))
            try await supervisor.apply([ProcessFixture.target("h1", template, replicas: 1)], deleting: [], for: rollout)
            #expect(try await ProcessFixture.eventually { try await Self.ready(supervisor, "h1") == 1 })
            let pid = try #require(await supervisor.endpoints(ofRollout: "web").first?.endpoints.first?.pid)
            try await supervisor.apply([ProcessFixture.target("h1", template, replicas: 0)], deleting: [], for: rollout)
            #expect(await ProcessFixture.eventually { await supervisor.endpoints(ofRollout: "web").isEmpty })
            #expect(!ProcessFixture.isAlive(pid))
            #expect(scratch.events().map { $0[0] } == ["start", "drain", "prestop", "sigterm"])
        }
    }

    @Test func aProcessIgnoringSIGTERMIsKilledAfterTheGracePeriod() async throws {
        try await ProcessFixture.withSupervisor { supervisor, _, scratch in
            let rollout = ProcessFixture.rollout()
            let template = ProcessFixture.template(scratch.container(["serve", "stubborn"]), gracePeriod: 1)
            try await supervisor.apply([ProcessFixture.target("h1", template, replicas: 1)], deleting: [], for: rollout)
            #expect(try await ProcessFixture.eventually { try await Self.ready(supervisor, "h1") == 1 })
            let pid = try #require(await supervisor.endpoints(ofRollout: "web").first?.endpoints.first?.pid)
            let stopping = Date()
            try await supervisor.apply([ProcessFixture.target("h1", template, replicas: 0)], deleting: [], for: rollout)
            #expect(await ProcessFixture.eventually { scratch.events().contains { $0[0] == "sigterm" } })
            #expect(ProcessFixture.isAlive(pid))
            #expect(await ProcessFixture.eventually(within: 5) { !ProcessFixture.isAlive(pid) })
            #expect(Date().timeIntervalSince(stopping) >= 0.9)
            let log = try await supervisor.logs(ofRollout: "web", lines: 50).first?.lines ?? []
            #expect(log.contains { $0.contains("sending SIGKILL") })
            #expect(await ProcessFixture.eventually { await supervisor.endpoints(ofRollout: "web").isEmpty })
        }
    }

    @Test func stopAllStopsEveryReplicaOfEveryRollout() async throws {
        let scratch = try ProcessFixture.Scratch()
        defer { try? FileManager.default.removeItem(at: scratch.directory) }
        let store = try LocalStore(directory: scratch.stateDirectory, clock: ProcessTestClock())
        let supervisor = ProcessSupervisor(store: store, configuration: ProcessFixture.configuration(scratch), clock: ProcessTestClock(), logger: ProcessFixture.logger)
        let template = ProcessFixture.template(Self.httpServer)
        try await supervisor.apply([ProcessFixture.target("h1", template, replicas: 2)], deleting: [], for: ProcessFixture.rollout("web"))
        try await supervisor.apply([ProcessFixture.target("h2", template, replicas: 1)], deleting: [], for: ProcessFixture.rollout("api"))
        #expect(try await ProcessFixture.eventually { try store.replicas().count == 3 })
        let pids = try store.replicas().compactMap(\.pid)
        #expect(pids.count == 3)
        await supervisor.stopAll()
        #expect(pids.allSatisfy { !ProcessFixture.isAlive($0) })
        #expect(try store.replicas().isEmpty)
        #expect(try store.revisionTargets(forRollout: "web").count == 1)
        // Closed: nothing new starts.
        try await supervisor.apply([ProcessFixture.target("h1", template, replicas: 2)], deleting: [], for: ProcessFixture.rollout("web"))
        #expect(await supervisor.endpoints(ofRollout: "web").isEmpty)
    }
}
