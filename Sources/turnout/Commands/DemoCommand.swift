import ArgumentParser
import Foundation
import TurnoutLocal

/// `turnout demo`: the one-command tour of blue-green and canary releases on this machine.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Tour blue-green and canary releases of the demo app on this machine (nothing else needed).",
        discussion: """
            Starts the single-host runtime in a temporary state directory, applies a blue-green rollout and a \
            canary rollout of the demo app, prints the addresses to open in a browser, and walks through a \
            blue-green switch, canary steps and an abort. Every traffic move is checked by sending requests \
            through the proxy. The tour pauses before each move until you press Enter; --no-wait runs it \
            straight through (for scripts). Ctrl-C stops every process and removes the temporary state.
            """
    )

    @Flag(name: .customLong("no-wait"), help: "Run the tour without pausing for Enter, then exit.")
    var noWait = false

    @Option(name: .customLong("log-level"), help: "Runtime log level on stderr: trace, debug, info, notice, warning, error.")
    var logLevel: String = "warning"

    func run() async throws {
        let stateDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("turnout-demo-\(UUID().uuidString.prefix(8))")
        let narrator = DemoNarrator(waitsForPerson: !noWait)
        let logger = RuntimeLauncher.logger(level: logLevel)
        let configuration = try RuntimeLauncher.configuration(stateDirectory: stateDirectory, ingress: "127.0.0.1:0", stopsReplicasOnShutdown: true, logger: logger)
        let runtime = try await LocalRuntime.start(configuration, logger: logger)
        narrator.heading("Turnout demo")
        narrator.say("Runtime state in \(stateDirectory.path) (removed when the demo ends).")
        let tour = Task { try await DemoTour(runtime: runtime, narrator: narrator).run() }
        let interrupted = Task {
            _ = await TerminationSignal.wait()
            tour.cancel()
        }
        let outcome = await tour.result
        if case .success = outcome, !noWait, !tour.isCancelled {
            narrator.say("The rollouts keep running; try the addresses above. Ctrl-C stops everything.")
            _ = await interrupted.value
        }
        interrupted.cancel()
        if case .failure(let error) = outcome, !(error is CancellationError), !tour.isCancelled {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
        }
        narrator.say("Stopping every process…")
        await runtime.stop()
        try? FileManager.default.removeItem(at: stateDirectory)
        switch outcome {
        case .success:
            return
        case .failure(let error) where error is CancellationError || tour.isCancelled:
            throw ExitCode(130)
        case .failure:
            throw ExitCode.failure
        }
    }
}
