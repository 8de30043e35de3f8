import Foundation
import Logging
import Testing
import TurnoutCore
import TurnoutLocal
import TurnoutService

@Suite(.serialized) struct LocalRuntimeTests {
    static let manifest = """
        apiVersion: argoproj.io/v1alpha1
        kind: Rollout
        metadata:
          name: web
        spec:
          replicas: 2
          selector:
            matchLabels: {app: web}
          template:
            metadata:
              labels: {app: web}
            spec:
              containers:
                - name: web
                  image: fixture/web:v1
                  readinessProbe:
                    httpGet: {path: /, port: 8080}
                    periodSeconds: 1
          strategy:
            blueGreen:
              activeService: web-active
              autoPromotionEnabled: true
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: web-active
        spec:
          selector: {app: web}
          ports: [{port: 80, targetPort: 8080}]
        """

    /// Runs `body` against a runtime on a fresh state directory whose `fixture/web` image is python's http.server.
    static func withRuntime(_ body: (LocalRuntime, URL) async throws -> Void) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("turnout-runtime-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(at: directory) }
        let configuration = LocalRuntimeConfiguration(
            stateDirectory: directory, turnoutBinary: "/nonexistent/turnout",
            images: ["fixture/web": ["python3", "-m", "http.server", "--bind", "127.0.0.1", "$(PORT)"]],
            drainTimeoutSeconds: 5)
        let runtime = try await LocalRuntime.start(configuration, logger: Logger(label: "test"))
        do {
            try await body(runtime, directory)
        } catch {
            await runtime.stop()
            throw error
        }
        await runtime.stop()
    }

    /// Polls the rollout's view until `condition` holds, for at most 30 s.
    static func eventually(_ runtime: LocalRuntime, _ name: String, _ condition: (RolloutView) -> Bool) async throws -> RolloutView {
        let deadline = ContinuousClock.now + .seconds(30)
        var last: RolloutView?
        while ContinuousClock.now < deadline {
            let view = try await runtime.rollout(named: name)
            if condition(view) { return view }
            last = view
            try await Task.sleep(for: .milliseconds(50))
        }
        Issue.record("rollout \(name) never matched; last status: \(String(describing: last?.rollout.status))")
        throw CancellationError()
    }

    @Test func appliesRunsAndDeletesARollout() async throws {
        try await Self.withRuntime { runtime, _ in
            let response = try await runtime.apply(ApplyRequest(files: [ManifestFile(file: "web.yaml", manifest: Self.manifest)]))
            #expect(response.outcomes.map(\.result) == ["created", "created"])
            #expect(response.listeners.map(\.name) == ["service/web-active"])

            let healthy = try await Self.eventually(runtime, "web") { $0.rollout.status?.phase == .healthy }
            let revision = try #require(healthy.revisions.first)
            #expect(revision.roles.contains("active"))
            #expect(revision.processes.count == 2 && revision.processes.allSatisfy(\.isReady))
            #expect(healthy.listeners.map(\.name) == ["service/web-active"])
            #expect(try await runtime.rollouts().map(\.name) == ["web"])
            #expect(try await !runtime.events(ofRollout: "web", limit: nil).isEmpty)

            let unchanged = try await runtime.apply(ApplyRequest(files: [ManifestFile(file: "web.yaml", manifest: Self.manifest)]))
            #expect(unchanged.outcomes.map(\.result) == ["unchanged", "unchanged"])

            _ = try await runtime.delete(kind: "rollout", name: "web")
            await #expect(throws: RuntimeServiceError.self) { try await runtime.rollout(named: "web") }
            #expect(try await runtime.rollouts().isEmpty)
        }
    }

    @Test func rejectsManifestsWithLintErrorsAndChangesNothing() async throws {
        try await Self.withRuntime { runtime, _ in
            let broken = Self.manifest.replacingOccurrences(of: "replicas: 2", with: "replicas: -1")
            do {
                _ = try await runtime.apply(ApplyRequest(files: [ManifestFile(file: "web.yaml", manifest: broken)]))
                Issue.record("a broken manifest was applied")
            } catch let error as RuntimeServiceError {
                #expect(error.httpStatus == 422)
                #expect(error.diagnostics.contains { $0.isError && $0.location.file == "web.yaml" && $0.location.line == 6 })
            }
            #expect(try await runtime.rollouts().isEmpty)
            #expect(try await runtime.listeners().isEmpty)
        }
    }

    @Test(arguments: [
        (RolloutOperationName.promote, "nope", 404),
        (RolloutOperationName.retry, "web", 400),
        (RolloutOperationName.setImage, "web", 400),
    ])
    func refusesOperationsItCannotCarryOut(operation: RolloutOperationName, rollout: String, status: Int) async throws {
        try await Self.withRuntime { runtime, _ in
            _ = try await runtime.apply(ApplyRequest(files: [ManifestFile(file: "web.yaml", manifest: Self.manifest)]))
            do {
                _ = try await runtime.perform(operation, onRollout: rollout, OperationRequest())
                Issue.record("\(operation) on \(rollout) succeeded")
            } catch let error as RuntimeServiceError {
                #expect(error.httpStatus == status, "\(error)")
            }
        }
    }

    @Test func aSecondRuntimeCannotTakeTheSameStateDirectory() async throws {
        try await Self.withRuntime { _, directory in
            let configuration = LocalRuntimeConfiguration(stateDirectory: directory, turnoutBinary: "/nonexistent/turnout")
            await #expect(throws: LocalRuntimeError.self) {
                _ = try await LocalRuntime.start(configuration, logger: Logger(label: "test"))
            }
        }
    }

    @Test func keepsListenerPortsAcrossRestarts() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("turnout-runtime-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(at: directory) }
        let configuration = LocalRuntimeConfiguration(
            stateDirectory: directory, turnoutBinary: "/nonexistent/turnout",
            images: ["fixture/web": ["python3", "-m", "http.server", "--bind", "127.0.0.1", "$(PORT)"]])
        let first = try await LocalRuntime.start(configuration, logger: Logger(label: "test"))
        let applied = try await first.apply(ApplyRequest(files: [ManifestFile(file: "web.yaml", manifest: Self.manifest)]))
        await first.stop()
        let second = try await LocalRuntime.start(configuration, logger: Logger(label: "test"))
        let listeners = await second.listenerAddresses()
        await second.stop()
        #expect(listeners == applied.listeners)
    }

    static func standaloneRun(_ name: String, command: String) -> String {
        """
        apiVersion: argoproj.io/v1alpha1
        kind: AnalysisRun
        metadata:
          name: \(name)
        spec:
          metrics:
            - name: check
              interval: 1s
              count: 2
              failureLimit: 0
              provider:
                job:
                  spec:
                    template:
                      spec:
                        containers:
                          - name: check
                            image: busybox
                            command: [\(command)]
                        restartPolicy: Never
        """
    }

    @Test func runsAnAnalysisRunAppliedOnItsOwn() async throws {
        try await Self.withRuntime { runtime, _ in
            let files = [ManifestFile(file: "runs.yaml", manifest: Self.standaloneRun("passes", command: "true") + "\n---\n" + Self.standaloneRun("fails", command: "false"))]
            let response = try await runtime.apply(ApplyRequest(files: files))
            #expect(response.outcomes.map { "\($0.kind)/\($0.name) \($0.result)" } == ["AnalysisRun/passes created", "AnalysisRun/fails created"])
            let deadline = ContinuousClock.now + .seconds(30)
            var passes = try await runtime.analysisRun(named: "passes")
            var fails = try await runtime.analysisRun(named: "fails")
            while ContinuousClock.now < deadline, passes.run.status?.phase.isCompleted != true || fails.run.status?.phase.isCompleted != true {
                try await Task.sleep(for: .milliseconds(100))
                passes = try await runtime.analysisRun(named: "passes")
                fails = try await runtime.analysisRun(named: "fails")
            }
            #expect(passes.role == "standalone")
            #expect(passes.run.status?.phase == .successful)
            #expect(passes.run.status?.metricResults?.first?.successful == 2)
            #expect(fails.run.status?.phase == .failed)
            let again = try await runtime.apply(ApplyRequest(files: files))
            #expect(again.outcomes.map(\.result) == ["unchanged", "unchanged"])
        }
    }
}
