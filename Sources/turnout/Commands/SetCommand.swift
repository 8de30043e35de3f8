import ArgumentParser

/// `turnout set image ...`: changes part of a rollout's spec.
struct SetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set",
        abstract: "Change a rollout's spec (set image).",
        subcommands: [SetImageCommand.self]
    )
}
