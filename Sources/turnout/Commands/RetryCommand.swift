import ArgumentParser
import TurnoutService

/// `turnout retry NAME`: Retry an aborted update from the first step.
struct RetryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retry",
        abstract: "Retry an aborted update from the first step.",
        discussion: """
            Only an aborted rollout can be retried; the runtime answers with an error otherwise. \
            New analysis runs get a fresh name.
            """
    )

    @Argument(help: "The rollout's name.")
    var name: String

    @OptionGroup var runtime: RuntimeOptions

    func run() async throws {
        try await RolloutOperationRunner.run(.retry, rollout: name, done: "retried", runtime: runtime)
    }
}
