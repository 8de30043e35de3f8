import ArgumentParser
import TurnoutService

/// `turnout restart NAME`: Restart every replica of the rollout, one at a time.
struct RestartCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restart",
        abstract: "Restart every replica of the rollout, one at a time.",
        discussion: """
            Each process is replaced by a fresh one; a replacement is ready before the old one drains, so \
            the service keeps answering.
            """
    )

    @Argument(help: "The rollout's name.")
    var name: String

    @OptionGroup var runtime: RuntimeOptions

    func run() async throws {
        try await RolloutOperationRunner.run(.restart, rollout: name, done: "restarts", runtime: runtime)
    }
}
