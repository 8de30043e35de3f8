import Testing
import TurnoutCore
import TurnoutRuntime

/// The `RolloutStore` contract, the same cases against every adapter.
@Suite struct RolloutStoreContractTests {
    static func status(_ phase: RolloutPhase, message: String) -> RolloutStatus {
        var status = RolloutStatus()
        status.phase = phase
        status.message = message
        return status
    }

    @Test(arguments: PortAdapter.allCases)
    func aStatusFromAStaleResourceVersionIsAConflictAndWritesNothing(adapter: PortAdapter) async throws {
        try await PortFixture.with(adapter) { ports in
            let read = try await ports.current()
            let first = Self.status(.progressing, message: "first")
            let written = try await ports.store.saveStatus(first, of: ports.key, expectedResourceVersion: read.metadata.resourceVersion)
            #expect(written.metadata.resourceVersion != read.metadata.resourceVersion)
            await #expect {
                try await ports.store.saveStatus(Self.status(.healthy, message: "stale"), of: ports.key, expectedResourceVersion: read.metadata.resourceVersion)
            } throws: { error in
                RetryReason(of: error) == .conflict
            }
            #expect(try await ports.current().status == first)
        }
    }

    @Test(arguments: PortAdapter.allCases)
    func aWriteReturnsWhatItWroteAndTheNextReadSeesIt(adapter: PortAdapter) async throws {
        try await PortFixture.with(adapter) { ports in
            let read = try await ports.current()
            let status = Self.status(.paused, message: "waiting")
            let written = try await ports.store.saveStatus(status, of: ports.key, expectedResourceVersion: read.metadata.resourceVersion)
            #expect(written.status == status)
            #expect(written.spec == read.spec)
            let again = try await ports.current()
            #expect(again.status == status)
            #expect(again.metadata.resourceVersion == written.metadata.resourceVersion)
        }
    }

    @Test(arguments: PortAdapter.allCases)
    func anUnchangedStatusKeepsTheVersionButTheVersionIsStillChecked(adapter: PortAdapter) async throws {
        try await PortFixture.with(adapter) { ports in
            let read = try await ports.current()
            let status = Self.status(.healthy, message: "")
            let written = try await ports.store.saveStatus(status, of: ports.key, expectedResourceVersion: read.metadata.resourceVersion)
            let same = try await ports.store.saveStatus(status, of: ports.key, expectedResourceVersion: written.metadata.resourceVersion)
            #expect(same.metadata.resourceVersion == written.metadata.resourceVersion)
            await #expect {
                try await ports.store.saveStatus(status, of: ports.key, expectedResourceVersion: read.metadata.resourceVersion)
            } throws: { error in
                RetryReason(of: error) == .conflict
            }
        }
    }

    @Test(arguments: PortAdapter.allCases)
    func anOperationMovesTheVersionOnSoAStatusComputedBeforeIsRefused(adapter: PortAdapter) async throws {
        try await PortFixture.with(adapter) { ports in
            let read = try await ports.current()
            try await ports.change { $0.spec.paused = true }
            await #expect {
                try await ports.store.saveStatus(Self.status(.healthy, message: ""), of: ports.key, expectedResourceVersion: read.metadata.resourceVersion)
            } throws: { error in
                RetryReason(of: error) == .conflict
            }
            #expect(try await ports.current().spec.paused == true)
        }
    }

    @Test(arguments: PortAdapter.allCases)
    func aKeyInAnotherNamespaceNamesNothing(adapter: PortAdapter) async throws {
        try await PortFixture.with(adapter) { ports in
            #expect(ports.key.namespace == ObjectKey.defaultNamespace)
            let elsewhere = try await ports.store.rollout(ObjectKey(namespace: "other", name: ports.key.name))
            #expect(elsewhere == nil)
            let missing = try await ports.store.rollout(ports.key.sibling(named: "missing"))
            #expect(missing == nil)
            await #expect {
                try await ports.store.saveStatus(Self.status(.healthy, message: ""), of: ObjectKey(namespace: "other", name: ports.key.name), expectedResourceVersion: nil)
            } throws: { error in
                RetryReason(of: error) == nil
            }
        }
    }
}
