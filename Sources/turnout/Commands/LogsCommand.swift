import ArgumentParser

/// `turnout logs NAME [--revision R] [--lines N]`: the output of a rollout's processes.
struct LogsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "logs",
        abstract: "Print the last log lines of a rollout's processes.",
        discussion: """
            Each line is prefixed with its replica. --revision limits the output to one revision's \
            processes (numbers as in `turnout get rollout NAME`).
            """
    )

    @Argument(help: "The rollout's name.")
    var name: String

    @Option(help: "Only processes of this revision number.")
    var revision: Int?

    @Option(help: "How many lines to print.")
    var lines: Int = 100

    @OptionGroup var runtime: RuntimeOptions

    func validate() throws {
        if lines < 0 { throw ValidationError("--lines must be ≥ 0") }
    }

    func run() async throws {
        let response = try await runtime.withRuntime { try await $0.logs(ofRollout: name, revision: revision, lines: lines) }
        if !response.lines.isEmpty { Terminal.write(response.lines.joined(separator: "\n")) }
    }
}
