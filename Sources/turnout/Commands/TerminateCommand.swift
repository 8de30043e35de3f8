import ArgumentParser

/// `turnout terminate analysisrun NAME`.
struct TerminateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "terminate",
        abstract: "Stop an analysis run on demand.",
        subcommands: [TerminateAnalysisRunCommand.self]
    )
}
