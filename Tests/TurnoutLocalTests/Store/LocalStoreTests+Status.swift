import Foundation
import Testing
import TurnoutCore
import TurnoutLocal
import TurnoutRuntime

extension LocalStoreTests {
    static func status(_ phase: RolloutPhase, observedGeneration: Int?) -> RolloutStatus {
        var status = RolloutStatus()
        status.phase = phase
        status.observedGeneration = observedGeneration
        status.message = "\(phase.rawValue) at generation \(observedGeneration.map(String.init) ?? "-")"
        return status
    }

    @Test func statusComputedBeforeASpecChangeIsRefusedAndNeverClobbersTheSpec() async throws {
        try await StoreFixture.withStoreAsync { store in
            _ = try store.apply([StoreFixture.rollout()])
            let port: any RolloutStore = store
            let read = try #require(try await port.rollout(store.key(named: "web")))
            #expect(read.metadata.generation == 1)
            // A user applies a new image while the engine is deciding about generation 1.
            _ = try store.apply([StoreFixture.rollout(image: "argoproj/rollouts-demo:green")])

            await #expect {
                try await port.saveStatus(Self.status(.healthy, observedGeneration: 1), of: store.key(named: "web"), expectedResourceVersion: nil)
            } throws: { error in
                guard let error = error as? LocalStoreError, case .conflict = error else { return false }
                return error.isRetryable && error.description == "save status of rollout default/web: its spec is at generation 2, the status describes generation 1; read it again and retry"
            }
            var stored = try #require(try store.rollout(named: "web"))
            #expect(stored.status == nil)
            #expect(stored.spec.template?.spec.containers.first?.image == "argoproj/rollouts-demo:green")

            try await port.saveStatus(Self.status(.progressing, observedGeneration: 2), of: store.key(named: "web"), expectedResourceVersion: nil)
            stored = try #require(try store.rollout(named: "web"))
            #expect(stored.status == Self.status(.progressing, observedGeneration: 2))
            #expect(stored.spec.template?.spec.containers.first?.image == "argoproj/rollouts-demo:green")
            #expect(stored.metadata.generation == 2)
        }
    }

    @Test func statusWritesNeverTouchTheSpec() throws {
        try StoreFixture.withStore { store, _ in
            _ = try store.apply([StoreFixture.rollout()])
            let before = try #require(try store.rollout(named: "web"))
            try store.saveStatus(Self.status(.paused, observedGeneration: nil), ofRollout: "web")
            let after = try #require(try store.rollout(named: "web"))
            #expect(after.spec == before.spec)
            #expect(after.metadata.generation == 1)
            #expect(after.metadata.resourceVersion == "2")
            // The same status again writes nothing.
            try store.saveStatus(Self.status(.paused, observedGeneration: nil), ofRollout: "web")
            #expect(try store.rollout(named: "web")?.metadata.resourceVersion == "2")
            #expect(try store.apply([StoreFixture.rollout()]).map(\.result) == [.unchanged])
        }
    }

    @Test func statusFromAnOlderResourceVersionDoesNotUndoAnOperation() throws {
        try StoreFixture.withStore { store, _ in
            _ = try store.apply([StoreFixture.rollout()])
            let read = try #require(try store.rollout(named: "web"))
            let aborted = try store.modifyRollout(named: "web") { rollout in
                rollout = try rollout.applying(.abort, revisions: [], now: StoreFixture.start)
            }
            #expect(aborted.status?.isAborted == true)
            #expect(aborted.metadata.generation == 1)
            #expect(aborted.metadata.resourceVersion == "2")
            #expect(throws: LocalStoreError.conflict(action: "save status of", rollout: "default/web", reason: "it is at resourceVersion 2, the status was computed from resourceVersion 1")) {
                try store.saveStatus(Self.status(.healthy, observedGeneration: 1), ofRollout: "web", expectedResourceVersion: read.metadata.resourceVersion)
            }
            #expect(try store.rollout(named: "web")?.status?.isAborted == true)
        }
    }

    @Test func modifyRolloutBumpsTheGenerationOnlyForSpecChangesAndWritesNothingOnError() throws {
        try StoreFixture.withStore { store, _ in
            _ = try store.apply([StoreFixture.rollout()])
            let updated = try store.modifyRollout(named: "web") { rollout in
                rollout = try rollout.applying(.setImage(container: "web", image: "argoproj/rollouts-demo:green"), revisions: [], now: StoreFixture.start)
            }
            #expect(updated.metadata.generation == 2)
            #expect(updated.spec.template?.spec.containers.first?.image == "argoproj/rollouts-demo:green")
            let unchanged = try store.modifyRollout(named: "web") { _ in }
            #expect(unchanged.metadata.resourceVersion == updated.metadata.resourceVersion)

            #expect(throws: RolloutOperationError.notAborted(rollout: "web")) {
                try store.modifyRollout(named: "web") { rollout in
                    rollout.spec.paused = true
                    rollout = try rollout.applying(.retry, revisions: [], now: StoreFixture.start)
                }
            }
            #expect(try store.rollout(named: "web")?.spec.paused == nil)
            #expect(throws: LocalStoreError.rolloutNotFound(action: "change", rollout: "default/missing")) {
                try store.modifyRollout(named: "missing") { _ in }
            }
        }
    }

    @Test func savingTheStatusOfAMissingRolloutFails() throws {
        try StoreFixture.withStore { store, _ in
            #expect(throws: LocalStoreError.rolloutNotFound(action: "save status of", rollout: "default/web")) {
                try store.saveStatus(RolloutStatus(), ofRollout: "web")
            }
        }
    }

    @Test func eventsAreKeptNewestLastUpToTheLimitPerRollout() throws {
        try StoreFixture.withStore(eventLimit: 5) { store, _ in
            try store.record((1...3).map { RolloutEvent(.stepCompleted, "step \($0)") }, forRollout: "web", at: StoreFixture.start)
            try store.record([RolloutEvent(.aborted, "other", isWarning: true)], forRollout: "api", at: StoreFixture.start)
            try store.record((4...8).map { RolloutEvent(.stepCompleted, "step \($0)") }, forRollout: "web", at: StoreFixture.start.adding(seconds: 1.5))
            let kept = try store.events(forRollout: "web")
            #expect(kept.map(\.event.message) == ["step 4", "step 5", "step 6", "step 7", "step 8"])
            #expect(kept.map(\.time) == Array(repeating: StoreFixture.start.adding(seconds: 1.5), count: 5))
            #expect(kept.map(\.sequence) == kept.map(\.sequence).sorted())
            #expect(try store.events(forRollout: "web", limit: 2).map(\.event.message) == ["step 7", "step 8"])
            let other = try store.events(forRollout: "api")
            #expect(other.map(\.event) == [RolloutEvent(.aborted, "other", isWarning: true)])
        }
    }
}

extension StoreFixture {
    /// Runs an async `body` with a store in a fresh state directory, then deletes the directory.
    static func withStoreAsync(_ body: (LocalStore) async throws -> Void) async throws {
        let directory = stateDirectory()
        defer { try? FileManager.default.removeItem(at: directory.deletingLastPathComponent()) }
        try await body(try LocalStore(directory: directory, clock: FixedClock()))
    }
}
