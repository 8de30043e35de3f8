import ArgumentParser

/// `turnout get rollout NAME` and `turnout get analysisrun NAME`.
struct GetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "get",
        abstract: "Show one rollout as a tree, or one analysis run with its measurements.",
        subcommands: [GetRolloutCommand.self, GetAnalysisRunCommand.self]
    )
}
