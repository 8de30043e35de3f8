import ArgumentParser
import TurnoutService

/// `turnout promote NAME [--full]`: moves a paused rollout on.
struct PromoteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "promote",
        abstract: "Promote a rollout: go past the current pause, or with --full skip every step and analysis.",
        discussion: """
            Canary: ends the current pause step and continues with the next step. Blue-green: switches the \
            active service to the preview revision. --full goes straight to 100% of the new revision, \
            skipping remaining steps, pauses and analysis.
            """
    )

    @Argument(help: "The rollout's name.")
    var name: String

    @Flag(help: "Skip all remaining steps and analysis.")
    var full = false

    @OptionGroup var runtime: RuntimeOptions

    func run() async throws {
        try await RolloutOperationRunner.run(.promote, rollout: name, request: OperationRequest(full: full), done: full ? "fully promoted" : "promoted", runtime: runtime)
    }
}
