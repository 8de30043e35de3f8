import Foundation
import Synchronization
import Testing
import TurnoutCore
import TurnoutLocal
import TurnoutRuntime

/// Analysis runs on a single host: the seeds' `pass` and `fail` templates with real job processes.
@Suite struct LocalAnalysisRunsTests {
    /// A clock the test moves.
    final class TestClock: InstantClock {
        private let current = Mutex(Instant(secondsSinceEpoch: 1_767_225_600))
        func now() -> Instant { current.withLock { $0 } }
        func advance(_ seconds: Double) { current.withLock { $0 = $0.adding(seconds: seconds) } }
    }

    static let seeds = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/seeds")

    func withRuns(_ body: (LocalAnalysisRuns, TestClock, Rollout) async throws -> Void) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("turnout-analysis-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let clock = TestClock()
        let store = try LocalStore(directory: directory, clock: clock)
        let templates = ManifestLoader.load(data: try Data(contentsOf: Self.seeds.appendingPathComponent("analysis-templates.yaml")), file: "analysis-templates.yaml")
        let rollout = Rollout(metadata: ObjectMeta(name: "demo"), spec: RolloutSpec(replicas: 1))
        _ = try store.apply(templates.documents.map(\.object) + [.rollout(rollout)])
        let runs = LocalAnalysisRuns(store: store, providers: ["job": JobMetricProvider()], clock: clock)
        try await body(runs, clock, rollout)
    }

    func request(_ template: String) -> AnalysisRunRequest {
        AnalysisRunRequest(name: "demo-\(template)", role: .background, analysis: RolloutAnalysis(templates: [AnalysisTemplateReference(templateName: template)]), revisionHash: "new", stableHash: "old")
    }

    @Test func passTemplateKeepsRunningOnItsInterval() async throws {
        try await withRuns { runs, clock, rollout in
            try await runs.start(request("pass"), for: rollout)
            #expect(try await runs.runs(of: rollout).map(\.phase) == [.running])
            clock.advance(15)
            #expect(try await runs.runs(of: rollout).map(\.phase) == [.running])
            try await runs.terminate("demo-pass")
            #expect(try await runs.runs(of: rollout).first?.phase.isCompleted == true)
        }
    }

    @Test func failTemplateFailsAtTheSecondMeasurement() async throws {
        try await withRuns { runs, clock, rollout in
            try await runs.start(request("fail"), for: rollout)
            #expect(try await runs.runs(of: rollout).map(\.phase) == [.running])
            clock.advance(15)
            let states = try await runs.runs(of: rollout)
            #expect(states.map(\.phase) == [.failed])
            #expect(states.first?.message == "metric \"fail\" assessed Failed: 2 failed, 0 inconclusive, 0 errors")
        }
    }

    @Test func missingTemplateIsAnErrorRunNotACrash() async throws {
        try await withRuns { runs, _, rollout in
            try await runs.start(request("nope"), for: rollout)
            let state = try #require(try await runs.runs(of: rollout).first)
            #expect(state.phase == .error)
            #expect(state.message == "analysis templates not found: nope")
        }
    }
}
