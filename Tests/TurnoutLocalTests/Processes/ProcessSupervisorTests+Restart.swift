import Foundation
import Testing
import TurnoutCore
import TurnoutLocal

extension ProcessSupervisorTests {
    @Test func restartAtRestartsReplicasOneAtATime() async throws {
        try await ProcessFixture.withSupervisor { supervisor, _, _ in
            let rollout = ProcessFixture.rollout()
            let template = ProcessFixture.template(Self.httpServer)
            try await supervisor.apply([ProcessFixture.target("h1", template, replicas: 3)], deleting: [], for: rollout)
            #expect(try await ProcessFixture.eventually { try await Self.ready(supervisor, "h1") == 3 })
            let before = Set(await supervisor.endpoints(ofRollout: "web").flatMap(\.endpoints).compactMap(\.pid))
            let changes = await supervisor.endpointChanges()
            let restartAt = ProcessTestClock().now().rfc3339
            try await Task.sleep(for: .milliseconds(20))
            try await supervisor.apply([ProcessFixture.target("h1", template, replicas: 3, restartAt: restartAt)], deleting: [], for: rollout)
            #expect(try await ProcessFixture.eventually(within: 20) {
                let revision = try await supervisor.revisions(of: rollout).first
                return revision?.restartedAt == restartAt && revision?.readyReplicas == 3
            })

            // Every published state had at most one replica out of service (stopping, starting, or gone).
            let seen = await ProcessFixture.collect(changes, within: 1) { _ in false }.map { $0.revisions.flatMap(\.endpoints) }
            let unavailable = seen.map { endpoints in endpoints.filter { !$0.acceptsNewRequests }.count + max(0, 3 - endpoints.count) }
            #expect(unavailable.max() == 1)
            #expect(unavailable.filter { $0 == 0 }.count >= 2)
            let after = Set(await supervisor.endpoints(ofRollout: "web").flatMap(\.endpoints).compactMap(\.pid))
            #expect(after.count == 3)
            #expect(after.isDisjoint(with: before))
        }
    }
}
