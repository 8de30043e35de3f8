import ArgumentParser
import TurnoutRendering
import TurnoutService

/// `turnout terminate analysisrun NAME`: stops a run, keeping its measurements.
struct TerminateAnalysisRunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analysisrun",
        abstract: "Stop an analysis run, keeping its measurements.",
        discussion: """
            No more measurements are taken. A run that has not failed ends Successful, as in Argo Rollouts: \
            terminating a background analysis lets the canary go on. Run names appear in \
            `turnout get rollout NAME` (lines marked α).
            """,
        aliases: ["analysisruns", "ar"]
    )

    @Argument(help: "The analysis run's name.")
    var name: String

    @Option(name: [.customShort("o"), .customLong("output")], help: "json or yaml instead of the summary.")
    var output: ResourceOutputFormat?

    @OptionGroup var runtime: RuntimeOptions

    func run() async throws {
        let view = try await runtime.withRuntime { try await $0.terminateAnalysisRun(named: name) }
        let renderer = AnalysisRunRenderer(style: Terminal.outputStyle)
        try ResourcePrinter.print(view, format: output) { renderer.render(view) }
    }
}
