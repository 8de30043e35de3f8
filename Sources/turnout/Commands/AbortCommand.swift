import ArgumentParser
import TurnoutService

/// `turnout abort NAME`: Abort the update: send all traffic back to the stable revision.
struct AbortCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "abort",
        abstract: "Abort the update: send all traffic back to the stable revision.",
        discussion: """
            Scales the new revision down (after abortScaleDownDelaySeconds) and marks the rollout Degraded. \
            The spec keeps the new template; `turnout retry NAME` starts the update again, `turnout undo NAME` \
            goes back to the previous template.
            """
    )

    @Argument(help: "The rollout's name.")
    var name: String

    @OptionGroup var runtime: RuntimeOptions

    func run() async throws {
        try await RolloutOperationRunner.run(.abort, rollout: name, done: "aborted", runtime: runtime)
    }
}
