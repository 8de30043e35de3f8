import Foundation
import Logging
import Testing
import TurnoutCore
import TurnoutLocal
import TurnoutRuntime
import TurnoutSimulation

/// The `Workloads` contract, the same cases against the simulated runtime and the single-host process supervisor.
@Suite struct WorkloadsContractTests {
    static let rollout: Rollout = {
        var rollout = PortFixture.canaryRollout()
        rollout.metadata.namespace = ObjectKey.defaultNamespace
        rollout.spec.template?.spec.containers[0].command = ["sleep", "30"]
        return rollout
    }()

    /// Runs `body` with the adapter's workloads; the single-host one's processes are stopped afterwards.
    static func withWorkloads(_ adapter: PortAdapter, _ body: (any Workloads) async throws -> Void) async throws {
        let clock = SimulatedClock(start: PortFixture.start)
        switch adapter {
        case .simulated:
            try await body(SimulatedRuntime(rollout: rollout, templates: [], outcomes: [:], podReadySeconds: 0, clock: clock))
        case .singleHost:
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("turnout-workloads-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: directory) }
            let store = try LocalStore(directory: directory, clock: clock)
            _ = try store.apply([.rollout(rollout)])
            let supervisor = ProcessSupervisor(
                store: store, configuration: .standard(stateDirectory: directory, turnoutBinary: "/bin/false"), clock: clock,
                logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }))
            var failure: (any Error)?
            do {
                try await body(supervisor)
            } catch {
                failure = error
            }
            await supervisor.stopAll()
            try store.close()
            if let failure { throw failure }
        }
    }

    static func target(_ template: PodTemplate, replicas: Int, number: Int = 1) -> RevisionTarget {
        RevisionTarget(hash: podTemplateHash(template), number: number, template: template, replicas: replicas)
    }

    @Test(arguments: PortAdapter.allCases)
    func applyingTheSameTargetsTwiceChangesNothing(adapter: PortAdapter) async throws {
        try await Self.withWorkloads(adapter) { workloads in
            let targets = [Self.target(try #require(Self.rollout.spec.template), replicas: 2)]
            try await workloads.apply(targets, deleting: [], for: Self.rollout)
            let first = try await workloads.revisions(of: Self.rollout)
            try await workloads.apply(targets, deleting: [], for: Self.rollout)
            let second = try await workloads.revisions(of: Self.rollout)
            #expect(first.map(\.hash) == targets.map(\.hash))
            #expect(first.map(\.replicas) == [2])
            #expect(second.map(\.hash) == first.map(\.hash))
            #expect(second.map(\.replicas) == first.map(\.replicas))
            #expect(second.map(\.template) == first.map(\.template))
        }
    }

    @Test(arguments: PortAdapter.allCases)
    func anExistingRevisionKeepsItsTemplate(adapter: PortAdapter) async throws {
        try await Self.withWorkloads(adapter) { workloads in
            let template = try #require(Self.rollout.spec.template)
            let original = Self.target(template, replicas: 1)
            try await workloads.apply([original], deleting: [], for: Self.rollout)
            var rewritten = original
            rewritten.template.metadata?.labels?["extra"] = "label"
            rewritten.replicas = 2
            try await workloads.apply([rewritten], deleting: [], for: Self.rollout)
            let revisions = try await workloads.revisions(of: Self.rollout)
            #expect(revisions.map(\.template) == [template])
            #expect(revisions.map(\.replicas) == [2])
        }
    }

    @Test(arguments: PortAdapter.allCases)
    func deletingARevisionRemovesIt(adapter: PortAdapter) async throws {
        try await Self.withWorkloads(adapter) { workloads in
            let template = try #require(Self.rollout.spec.template)
            let target = Self.target(template, replicas: 1)
            try await workloads.apply([target], deleting: [], for: Self.rollout)
            try await workloads.apply([], deleting: [target.hash], for: Self.rollout)
            #expect(try await workloads.revisions(of: Self.rollout).isEmpty)
        }
    }
}
