import ArgumentParser
import TurnoutCore
import TurnoutRendering
import TurnoutService

/// `turnout status NAME [--timeout T]`: waits until the rollout is Healthy (0) or Degraded/aborted (1), or times out (2).
struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Wait for a rollout to finish; exit 0 Healthy, 1 Degraded or aborted, 2 timeout.",
        discussion: """
            Follows the rollout's changes and shows a progress line on standard error (redrawn in place on \
            a terminal). A rollout paused at a step keeps waiting: promote it from another shell, or give \
            --timeout (e.g. 90s, 5m, 1h30m). The final status line goes to standard output. Useful in CI:
              turnout apply -f rollout.yaml && turnout status demo --timeout 10m
            """
    )

    @Argument(help: "The rollout's name.")
    var name: String

    @Option(help: "Give up after this long (30s, 5m, 1h); default: wait forever.")
    var timeout: String?

    @OptionGroup var runtime: RuntimeOptions

    /// How the wait ended.
    enum Outcome: Sendable {
        case healthy(String)
        case degraded(String)
        case timedOut
        case failed(RuntimeServiceError)
    }

    func validate() throws {
        if let timeout, DurationValue(timeout) == nil {
            throw ValidationError("--timeout \(timeout): expected a duration such as 30s, 5m or 1h30m")
        }
    }

    func run() async throws {
        let limit = timeout.flatMap(DurationValue.init).map { Duration.milliseconds(Int64($0.seconds * 1000)) }
        let progress = ProgressLine(isTerminal: Terminal.isErrorTerminal)
        let outcome = try await runtime.withRuntime { runtime in
            await withTaskGroup(of: Outcome.self) { group in
                group.addTask { await Self.follow(name, runtime: runtime, progress: progress) }
                if let limit {
                    group.addTask {
                        try? await Task.sleep(for: limit)
                        return .timedOut
                    }
                }
                let first = await group.next() ?? .timedOut
                group.cancelAll()
                return first
            }
        }
        progress.finish()
        switch outcome {
        case .healthy(let line):
            Terminal.write(line)
        case .degraded(let line):
            Terminal.write(line)
            throw ExitCode(1)
        case .timedOut:
            Terminal.writeError("error: rollout \(name) did not finish within \(timeout ?? "the timeout")")
            throw ExitCode(2)
        case .failed(let error):
            for diagnostic in error.diagnostics { Terminal.writeError(diagnostic.rendered) }
            Terminal.writeError("error: \(error.message)")
            throw ExitCode(1)
        }
    }

    /// Watches the rollout (reconnecting by polling when the watch ends) until it is final.
    static func follow(_ name: String, runtime: any RuntimeService, progress: ProgressLine) async -> Outcome {
        while !Task.isCancelled {
            do {
                for await view in try await runtime.watch(rolloutNamed: name) {
                    progress.show(view.progressLine())
                    if let outcome = outcome(of: view) { return outcome }
                }
                // The watch ended (daemon restart or rollout deleted): look once, then watch again.
                let view = try await runtime.rollout(named: name)
                if let outcome = outcome(of: view) { return outcome }
                try? await Task.sleep(for: .seconds(1))
            } catch {
                return .failed(error)
            }
        }
        return .timedOut
    }

    /// The final outcome a view shows, or `nil` while it is still moving.
    static func outcome(of view: RolloutView) -> Outcome? {
        guard let status = view.rollout.status else { return nil }
        if let generation = view.rollout.metadata.generation, let observed = status.observedGeneration, observed < generation {
            return nil
        }
        if status.isAborted { return .degraded(view.progressLine()) }
        guard let phase = status.phase else { return nil }
        switch phase {
        case .healthy: return .healthy(view.progressLine())
        case .degraded: return .degraded(view.progressLine())
        case .progressing, .paused: return nil
        }
    }
}
