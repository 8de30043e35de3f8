import Foundation
import Logging
import Testing
import TurnoutCore
import TurnoutService
@testable import TurnoutClient
import TurnoutServer
import TurnoutServiceFixtures

@Suite("APIClient")
struct APIClientTests {
    @Test func roundTripsEveryOperation() async throws {
        try await withLiveServer { _, client, service in
            let applied = try await client.apply(ApplyRequest(files: [ManifestFile(file: "a.yaml", manifest: "kind: Rollout"), ManifestFile(file: "b.yaml", manifest: "kind: Service")]))
            #expect(applied.outcomes.map(\.name) == ["a.yaml", "b.yaml"])
            #expect(applied.warnings.first?.rendered == "a.yaml:3:5: warning: metadata.name: looks odd")
            #expect(service.state.withLock { $0.applied.first?.files.count } == 2)

            let summaries = try await client.rollouts()
            #expect(summaries.map(\.name) == ["bg-demo", "canary-demo"])

            let view = try await client.rollout(named: "canary-demo")
            #expect(view.rollout.name == "canary-demo")
            #expect(view.revisions.map(\.number) == [2, 1])
            #expect(view.traffic?.canaryWeight == 25)
            #expect(view.analysisRuns.first?.run.status?.metricResults?.first?.measurements?.count == 2)

            for operation in RolloutOperationName.allCases {
                let request = OperationRequest(full: operation == .promote, toRevision: operation == .undo ? 1 : nil, container: "web", image: "demo:v2")
                _ = try await client.perform(operation, onRollout: "canary-demo", request)
            }
            let recorded = service.state.withLock { $0.operations.map { $0.0 } }
            #expect(recorded == RolloutOperationName.allCases)
            #expect(service.state.withLock { $0.operations.first?.2.full } == true)
            #expect(service.state.withLock { $0.operations.first { $0.0 == .undo }?.2.toRevision } == 1)

            #expect(try await client.delete(kind: "Rollout", name: "canary-demo") == DeleteResponse(kind: "Rollout", name: "canary-demo"))
            #expect(try await client.delete(kind: "Service", name: "web svc") == DeleteResponse(kind: "Service", name: "web svc"))

            service.state.withLock { $0.events = (1...5).map { EventView(time: "2024-05-01T10:00:0\($0)Z", reason: "R\($0)", message: "m\($0)", isWarning: $0 == 5) } }
            #expect(try await client.events(ofRollout: "canary-demo", limit: 2).map(\.reason) == ["R4", "R5"])
            #expect(try await client.events(ofRollout: "canary-demo", limit: nil).count == 5)

            let logs = try await client.logs(ofRollout: "canary-demo", revision: 2, lines: 50)
            #expect(logs.lines == ["[canary-demo-0] hello", "[canary-demo-0] world"])
            #expect(service.state.withLock { $0.logRequests.last.map { "\($0.0) \($0.1 ?? -1) \($0.2)" } } == "canary-demo 2 50")

            #expect(try await client.analysisRun(named: "canary-demo-6cf78c66c5-2").role == "background")
            #expect(try await client.terminateAnalysisRun(named: "canary-demo-6cf78c66c5-2").run.spec.terminate == true)
            #expect(try await client.listeners() == [ListenerView(name: "service/demo", address: "127.0.0.1:8080")])
        }
    }

    @Test(arguments: [
        RuntimeServiceError.notFound("get rollout x: no such rollout"),
        .invalidManifest("apply: 1 error", diagnostics: [Diagnostic(severity: .error, location: SourceLocation(file: "r.yaml", line: 4, column: 3), path: ["spec"], message: "bad")]),
        .invalidRequest("retry rollout x: not aborted"),
        .conflict("update rollout x: changed meanwhile"),
        .failed("runtime broke"),
    ])
    func mapsEveryErrorBack(error: RuntimeServiceError) async throws {
        try await withLiveServer { _, client, service in
            service.fail(with: error)
            await #expect(throws: error) { _ = try await client.rollouts() }
            await #expect(throws: error) { _ = try await client.apply(ApplyRequest(files: [])) }
            await #expect(throws: error) { _ = try await client.watch(rolloutNamed: "canary-demo") }
        }
    }

    @Test func aMissingBodyFieldIsReportedAsInvalidRequest() async throws {
        try await withLiveServer { _, client, _ in
            await #expect(throws: RuntimeServiceError.invalidRequest("set image: give both container and image, e.g. {\"container\": \"web\", \"image\": \"argoproj/rollouts-demo:green\"}")) {
                _ = try await client.perform(.setImage, onRollout: "canary-demo", OperationRequest())
            }
        }
    }

    @Test func connectionRefusedSaysHowToStartTheRuntime() async throws {
        // Bind and release a port so nothing listens there.
        let port = try await withLiveServer { server, _, _ in server.address.port }
        let url = "http://127.0.0.1:\(port)"
        let clock = ContinuousClock()
        let start = clock.now
        await #expect(throws: RuntimeServiceError.failed("cannot reach the Turnout runtime at \(url): connection refused; start it with `turnout up`")) {
            try await APIClient.with(baseURL: url) { _ = try await $0.rollouts() }
        }
        #expect(clock.now - start < .seconds(4))
    }

    @Test func watchDeliversUpdatesInOrderAndEnds() async throws {
        try await withLiveServer(keepAlive: .milliseconds(20)) { _, client, service in
            let stream = try await client.watch(rolloutNamed: "canary-demo")
            #expect(await eventually { service.watcherCount(of: "canary-demo") == 1 })
            for step in 2...4 {
                var view = RolloutFixtures.canary
                view.rollout.status?.currentStepIndex = step
                service.publish(view)
            }
            service.endWatches(of: "canary-demo")
            var steps: [Int?] = []
            for await view in stream { steps.append(view.rollout.status?.currentStepIndex) }
            #expect(steps == [1, 2, 3, 4])
        }
    }

    @Test func watchOfAnUnknownRolloutIsNotFound() async throws {
        try await withLiveServer { _, client, _ in
            await #expect(throws: RuntimeServiceError.notFound("get rollout nope: no such rollout")) {
                _ = try await client.watch(rolloutNamed: "nope")
            }
        }
    }

    @Test func serverShutdownEndsOpenWatches() async throws {
        let service = FakeRuntimeService(views: [RolloutFixtures.canary])
        var logger = Logger(label: "test")
        logger.logLevel = .warning
        let server = try await APIServer(service: service, configuration: APIServerConfiguration(host: "127.0.0.1", port: 0), logger: logger).start()
        try await APIClient.with(baseURL: server.url) { client in
            let stream = try await client.watch(rolloutNamed: "canary-demo")
            #expect(await eventually { service.watcherCount(of: "canary-demo") == 1 })
            var views = stream.makeAsyncIterator()
            #expect(await views.next() != nil, "the first view arrives")
            await server.shutdown()
            #expect(await views.next() == nil, "the server's shutdown ends the watch")
        }
    }
}
