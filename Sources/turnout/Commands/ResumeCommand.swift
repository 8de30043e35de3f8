import ArgumentParser
import TurnoutService

/// `turnout resume NAME`: Resume a paused rollout.
struct ResumeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resume",
        abstract: "Resume a paused rollout.",
        discussion: """
            Clears a pause set by `turnout pause`; a canary pause step without a duration needs \
            `turnout promote` instead.
            """
    )

    @Argument(help: "The rollout's name.")
    var name: String

    @OptionGroup var runtime: RuntimeOptions

    func run() async throws {
        try await RolloutOperationRunner.run(.resume, rollout: name, done: "resumed", runtime: runtime)
    }
}
