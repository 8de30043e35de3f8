import ArgumentParser
import TurnoutService

/// `turnout pause NAME`: Pause the rollout where it is.
struct PauseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pause",
        abstract: "Pause the rollout where it is.",
        discussion: """
            Traffic and replicas stay as they are until `turnout resume NAME` or `turnout promote NAME`.
            """
    )

    @Argument(help: "The rollout's name.")
    var name: String

    @OptionGroup var runtime: RuntimeOptions

    func run() async throws {
        try await RolloutOperationRunner.run(.pause, rollout: name, done: "paused", runtime: runtime)
    }
}
