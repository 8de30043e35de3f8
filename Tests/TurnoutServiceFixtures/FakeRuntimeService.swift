import Synchronization
import TurnoutCore
import TurnoutService

/// An in-memory `RuntimeService` that records what it was asked and answers with canned views or a planted error.
package final class FakeRuntimeService: RuntimeService {
    package struct State {
        package var views: [String: RolloutView] = [:]
        package var runs: [String: AnalysisRunView] = [:]
        package var events: [EventView] = []
        package var listeners: [ListenerView] = [ListenerView(name: "service/demo", address: "127.0.0.1:8080")]
        package var failure: RuntimeServiceError?
        package var applied: [ApplyRequest] = []
        package var operations: [(RolloutOperationName, String, OperationRequest)] = []
        package var deleted: [DeleteResponse] = []
        package var logRequests: [(String, Int?, Int)] = []
        package var eventLimits: [Int?] = []
        package var watchers: [String: [AsyncStream<RolloutView>.Continuation]] = [:]
    }

    package let state = Mutex(State())

    package init(views: [RolloutView] = [], runs: [AnalysisRunView] = []) {
        state.withLock { state in
            for view in views { state.views[view.rollout.name] = view }
            for run in runs { state.runs[run.name] = run }
        }
    }

    /// Makes every following call throw `error` until cleared with `nil`.
    package func fail(with error: RuntimeServiceError?) {
        state.withLock { $0.failure = error }
    }

    /// Sends a view to every watcher of its rollout.
    package func publish(_ view: RolloutView) {
        let watchers = state.withLock { state in
            state.views[view.rollout.name] = view
            return state.watchers[view.rollout.name] ?? []
        }
        for watcher in watchers { watcher.yield(view) }
    }

    /// Ends every watch of a rollout.
    package func endWatches(of name: String) {
        let watchers = state.withLock { $0.watchers.removeValue(forKey: name) ?? [] }
        for watcher in watchers { watcher.finish() }
    }

    /// How many watches of a rollout are open.
    package func watcherCount(of name: String) -> Int {
        state.withLock { $0.watchers[name]?.count ?? 0 }
    }

    private func check() throws(RuntimeServiceError) {
        if let failure = state.withLock({ $0.failure }) { throw failure }
    }

    private func view(_ name: String) throws(RuntimeServiceError) -> RolloutView {
        try check()
        guard let view = state.withLock({ $0.views[name] }) else { throw .notFound("get rollout \(name): no such rollout") }
        return view
    }

    package func apply(_ request: ApplyRequest) async throws(RuntimeServiceError) -> ApplyResponse {
        try check()
        state.withLock { $0.applied.append(request) }
        let outcomes = request.files.map { AppliedObject(kind: "Rollout", name: $0.file, result: "created") }
        let warning = Diagnostic(severity: .warning, location: SourceLocation(file: request.files.first?.file ?? "-", line: 3, column: 5), path: ["metadata", "name"], message: "looks odd")
        return ApplyResponse(outcomes: outcomes, warnings: [warning], listeners: state.withLock { $0.listeners })
    }

    package func rollouts() async throws(RuntimeServiceError) -> [RolloutSummary] {
        try check()
        return state.withLock { $0.views.values.sorted { $0.rollout.name < $1.rollout.name } }.map { view in
            var summary = RolloutSummary(view.rollout)
            summary.canaryWeight = view.traffic?.canaryWeight ?? summary.canaryWeight
            return summary
        }
    }

    package func rollout(named name: String) async throws(RuntimeServiceError) -> RolloutView {
        try view(name)
    }

    package func perform(_ operation: RolloutOperationName, onRollout name: String, _ request: OperationRequest) async throws(RuntimeServiceError) -> RolloutView {
        var current = try view(name)
        _ = try operation.operation(request)
        state.withLock { $0.operations.append((operation, name, request)) }
        if operation == .abort {
            var status = current.rollout.status ?? RolloutStatus()
            status.abort = true
            status.phase = .degraded
            current.rollout.status = status
            state.withLock { $0.views[name] = current }
        }
        return current
    }

    package func delete(kind: String, name: String) async throws(RuntimeServiceError) -> DeleteResponse {
        try check()
        let response = DeleteResponse(kind: kind, name: name)
        state.withLock { $0.deleted.append(response) }
        return response
    }

    package func events(ofRollout name: String, limit: Int?) async throws(RuntimeServiceError) -> [EventView] {
        _ = try view(name)
        return state.withLock { state in
            state.eventLimits.append(limit)
            return limit.map { Array(state.events.suffix($0)) } ?? state.events
        }
    }

    package func logs(ofRollout name: String, revision: Int?, lines: Int) async throws(RuntimeServiceError) -> LogsResponse {
        _ = try view(name)
        state.withLock { $0.logRequests.append((name, revision, lines)) }
        return LogsResponse(lines: ["[\(name)-0] hello", "[\(name)-0] world"])
    }

    package func analysisRun(named name: String) async throws(RuntimeServiceError) -> AnalysisRunView {
        try check()
        guard let run = state.withLock({ $0.runs[name] }) else { throw .notFound("get analysis run \(name): no such run") }
        return run
    }

    package func terminateAnalysisRun(named name: String) async throws(RuntimeServiceError) -> AnalysisRunView {
        try check()
        return try state.withLock { state throws(RuntimeServiceError) in
            guard var run = state.runs[name] else { throw .notFound("terminate analysis run \(name): no such run") }
            run.run.spec.terminate = true
            state.runs[name] = run
            return run
        }
    }

    package func listeners() async throws(RuntimeServiceError) -> [ListenerView] {
        try check()
        return state.withLock { $0.listeners }
    }

    package func watch(rolloutNamed name: String) async throws(RuntimeServiceError) -> AsyncStream<RolloutView> {
        let first = try view(name)
        let (stream, continuation) = AsyncStream.makeStream(of: RolloutView.self)
        continuation.yield(first)
        state.withLock { $0.watchers[name, default: []].append(continuation) }
        return stream
    }
}
