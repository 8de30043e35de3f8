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
            #expect(try await runs.measuredRuns(of: rollout).map(\.phase) == [.running])
            clock.advance(15)
            #expect(try await runs.measuredRuns(of: rollout).map(\.phase) == [.running])
            try await runs.terminate("demo-pass")
            #expect(try await runs.measuredRuns(of: rollout).first?.phase.isCompleted == true)
        }
    }

    @Test func readingRunsMeasuresNothingUntilMeasureDueIsCalled() async throws {
        try await withRuns { runs, clock, rollout in
            try await runs.start(request("fail"), for: rollout)
            clock.advance(15)
            #expect(try await runs.runs(of: rollout).map(\.phase) == [.running])
            #expect(try await runs.runs(of: rollout).map(\.phase) == [.running])
            try await runs.measureDue(of: rollout)
            #expect(try await runs.runs(of: rollout).map(\.phase) == [.failed])
        }
    }

    @Test func failTemplateFailsAtTheSecondMeasurement() async throws {
        try await withRuns { runs, clock, rollout in
            try await runs.start(request("fail"), for: rollout)
            #expect(try await runs.measuredRuns(of: rollout).map(\.phase) == [.running])
            clock.advance(15)
            let states = try await runs.measuredRuns(of: rollout)
            #expect(states.map(\.phase) == [.failed])
            #expect(states.first?.message == "metric \"fail\" assessed Failed: 2 failed, 0 inconclusive, 0 errors")
        }
    }

    @Test func missingTemplateIsAnErrorRunNotACrash() async throws {
        try await withRuns { runs, _, rollout in
            try await runs.start(request("nope"), for: rollout)
            let state = try #require(try await runs.measuredRuns(of: rollout).first)
            #expect(state.phase == .error)
            #expect(state.message == "analysis templates not found: nope")
        }
    }

    static let argsManifests = """
    apiVersion: v1
    kind: Secret
    metadata:
      name: creds
    data:
      expected: bmV3
    stringData:
      code: "1"
    ---
    apiVersion: turnout.dev/v1alpha1
    kind: AnalysisTemplate
    metadata:
      name: args
    spec:
      args:
      - name: hash
      - name: expected
        valueFrom:
          secretKeyRef: {name: creds, key: expected}
      - name: app
        valueFrom:
          fieldRef: {fieldPath: "metadata.labels['app']"}
      metrics:
      - name: check
        provider:
          job:
            spec:
              template:
                spec:
                  containers:
                  - name: check
                    image: alpine
                    command: [sh, -c]
                    args: ["test {{args.hash}} = {{args.expected}} && test {{args.app}} = demo"]
    """

    func withArgsRuns(_ body: (LocalAnalysisRuns, LocalStore, Rollout) async throws -> Void) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("turnout-analysis-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let clock = TestClock()
        let store = try LocalStore(directory: directory, clock: clock)
        let manifests = ManifestLoader.load(text: Self.argsManifests, file: "args.yaml")
        var meta = ObjectMeta(name: "demo")
        meta.labels = ["app": "demo"]
        let rollout = Rollout(metadata: meta, spec: RolloutSpec(replicas: 1))
        _ = try store.apply(manifests.documents.map(\.object) + [.rollout(rollout)])
        try await body(LocalAnalysisRuns(store: store, providers: ["job": JobMetricProvider()], clock: clock), store, rollout)
    }

    func argsRequest(_ args: [AnalysisRunArgument]) -> AnalysisRunRequest {
        var analysis = RolloutAnalysis(templates: [AnalysisTemplateReference(templateName: "args")])
        analysis.args = args
        return AnalysisRunRequest(name: "demo-args", role: .background, analysis: analysis, revisionHash: "new", stableHash: "old")
    }

    @Test func argumentsComeFromTheRolloutSecretsAndFields() async throws {
        try await withArgsRuns { runs, store, rollout in
            try await runs.start(argsRequest([AnalysisRunArgument(name: "hash", valueFrom: ArgumentValueFrom(podTemplateHashValue: "Latest"))]), for: rollout)
            #expect(try await runs.measuredRuns(of: rollout).map(\.phase) == [.successful])
            let run = try #require(try store.analysisRun(named: "demo-args")?.run)
            #expect(run.spec.args?.first { $0.name == "hash" }?.value == "new")
            #expect(run.spec.args?.first { $0.name == "app" }?.value == "demo")
            // The Secret's value is read when measuring, not copied into the run.
            #expect(run.spec.args?.first { $0.name == "expected" }?.value == nil)
            #expect(run.metadata.annotations?[LocalAnalysisRuns.stableHashAnnotation] == "old")
        }
    }

    @Test func aWrongArgumentFailsTheMeasurement() async throws {
        try await withArgsRuns { runs, _, rollout in
            try await runs.start(argsRequest([AnalysisRunArgument(name: "hash", valueFrom: ArgumentValueFrom(podTemplateHashValue: "Stable"))]), for: rollout)
            #expect(try await runs.measuredRuns(of: rollout).map(\.phase) == [.failed])
        }
    }

    @Test func aMissingArgumentIsAnErrorRunNamingIt() async throws {
        try await withArgsRuns { runs, _, rollout in
            try await runs.start(argsRequest([]), for: rollout)
            let state = try #require(try await runs.measuredRuns(of: rollout).first)
            #expect(state.phase == .error)
            #expect(state.message == "argument \"hash\" has no value: give it one in the rollout's analysis args or a default in the template")
        }
    }
}

extension LocalAnalysisRuns {
    /// Takes what is due, then reads the runs, as a reconcile does.
    func measuredRuns(of rollout: Rollout) async throws -> [AnalysisRunState] {
        try await measureDue(of: rollout)
        return try await runs(of: rollout)
    }
}
