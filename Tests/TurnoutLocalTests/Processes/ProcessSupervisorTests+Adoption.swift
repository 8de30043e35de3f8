import Foundation
import Testing
import TurnoutCore
import TurnoutLocal
#if canImport(Glibc)
import Glibc
#endif

extension ProcessSupervisorTests {
    @Test func aNewSupervisorAdoptsLiveReplicasAndRestartsDeadOnes() async throws {
        try await ProcessFixture.withSupervisor { first, store, scratch in
            let rollout = ProcessFixture.rollout()
            let template = ProcessFixture.template(Self.httpServer)
            try await first.apply([ProcessFixture.target("h1", template, replicas: 3)], deleting: [], for: rollout)
            #expect(try await ProcessFixture.eventually { try await Self.ready(first, "h1") == 3 })
            let before = await first.endpoints(ofRollout: "web").flatMap(\.endpoints)
            await first.detach()  // as if the daemon was killed: the processes keep running

            // One replica dies while no daemon watches it.
            let dead = try #require(before[1].pid)
            kill(dead, SIGKILL)
            #expect(await ProcessFixture.eventually { !ProcessFixture.isAlive(dead) })
            var status: Int32 = 0
            waitpid(dead, &status, 0)

            // The survivors are stopped (SIGSTOP) so no health check of theirs can pass before the test looks.
            let survivors = [before[0].pid, before[2].pid].compactMap { $0 }
            for pid in survivors { kill(pid, SIGSTOP) }
            let reopened = try LocalStore(directory: scratch.stateDirectory, clock: ProcessTestClock())
            let second = ProcessSupervisor(store: reopened, configuration: ProcessFixture.configuration(scratch), clock: ProcessTestClock(), logger: ProcessFixture.logger)
            try await second.adopt()
            // Adopted replicas are health-checked again before they count as ready.
            let adopted = await second.endpoints(ofRollout: "web").flatMap(\.endpoints)
            #expect(adopted.filter { survivors.contains($0.pid ?? 0) }.count == 2)
            #expect(adopted.filter { survivors.contains($0.pid ?? 0) }.allSatisfy { !$0.isReady })
            for pid in survivors { kill(pid, SIGCONT) }
            #expect(try await ProcessFixture.eventually { try await Self.ready(second, "h1") == 3 })

            let after = await second.endpoints(ofRollout: "web").flatMap(\.endpoints)
            #expect(after[0].pid == before[0].pid && after[0].address == before[0].address)
            #expect(after[2].pid == before[2].pid && after[2].address == before[2].address)
            #expect(after[1].pid != dead)
            #expect(try reopened.replicas(ofRollout: "web").map(\.pid) == after.map(\.pid))
            #expect(try await second.revisions(of: rollout).first?.replicas == 3)

            // An adopted process is not this supervisor's child, yet its stop is still noticed.
            await second.stopAll()
            #expect(before.compactMap(\.pid).allSatisfy { !ProcessFixture.isAlive($0) })
            #expect(after.compactMap(\.pid).allSatisfy { !ProcessFixture.isAlive($0) })
            #expect(try store.replicas().isEmpty)
        }
    }

    @Test func aRecordedPidThatIsAnotherProcessIsNotAdopted() async throws {
        try await ProcessFixture.withSupervisor { supervisor, store, _ in
            let rollout = ProcessFixture.rollout()
            let template = ProcessFixture.template(Self.httpServer)
            try store.saveRevisionTargets([ProcessFixture.target("h1", template, replicas: 1)], forRollout: "web")
            // The test process itself: alive, but neither the replica's command line nor its start time.
            try store.saveReplica(ReplicaRecord(rollout: "web", revisionHash: "h1", index: 0, pid: getpid(), port: 1, startedAt: ProcessTestClock().now().adding(seconds: -3600)))
            try await supervisor.adopt()
            let endpoint = try #require(await supervisor.endpoints(ofRollout: "web").first?.endpoints.first)
            #expect(endpoint.pid != getpid())
            #expect(try await ProcessFixture.eventually { try await Self.ready(supervisor, "h1", rollout: rollout) == 1 })
        }
    }
}
