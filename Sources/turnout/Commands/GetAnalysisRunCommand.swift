import ArgumentParser
import TurnoutRendering
import TurnoutService

/// `turnout get analysisrun NAME`: one analysis run with every kept measurement.
struct GetAnalysisRunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analysisrun",
        abstract: "Show an analysis run: each metric's phase, counts, and every kept measurement.",
        discussion: """
            Run names appear in `turnout get rollout NAME` (lines marked α). Each metric shows its phase, \
            how many measurements succeeded, failed, were inconclusive or errored, and a table of the kept \
            measurements with time, value, phase and message. -o json|yaml prints the API's view instead.
            """,
        aliases: ["analysisruns", "ar"]
    )

    @Argument(help: "The analysis run's name.")
    var name: String

    @Option(name: [.customShort("o"), .customLong("output")], help: "json or yaml instead of the summary.")
    var output: ResourceOutputFormat?

    @OptionGroup var runtime: RuntimeOptions

    func run() async throws {
        let view = try await runtime.withRuntime { try await $0.analysisRun(named: name) }
        let renderer = AnalysisRunRenderer(style: Terminal.outputStyle)
        try ResourcePrinter.print(view, format: output) { renderer.render(view) }
    }
}
