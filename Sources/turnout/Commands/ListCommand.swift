import ArgumentParser
import TurnoutRendering
import TurnoutService

/// `turnout list [rollouts]`: one row per rollout.
struct ListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List rollouts: strategy, status, step, weight and readiness.",
        discussion: """
            Columns: NAME, STRATEGY (Canary or BlueGreen), STATUS, STEP (done/total), SET-WEIGHT (percent of \
            traffic to the new revision), READY (available/desired) and the status MESSAGE. -o json|yaml \
            prints the API's summaries instead.
            """
    )

    @Argument(help: "What to list: rollouts (the default and only kind).")
    var kind: String = "rollouts"

    @Option(name: [.customShort("o"), .customLong("output")], help: "json or yaml instead of the table.")
    var output: ResourceOutputFormat?

    @OptionGroup var runtime: RuntimeOptions

    func validate() throws {
        guard ["rollouts", "rollout", "ro"].contains(kind.lowercased()) else {
            throw ValidationError("turnout list can list rollouts, not \(kind): turnout list rollouts")
        }
    }

    func run() async throws {
        let summaries = try await runtime.withRuntime { try await $0.rollouts() }
        let renderer = RolloutListRenderer(style: Terminal.outputStyle)
        try ResourcePrinter.print(summaries, format: output) { renderer.render(summaries) }
    }
}
