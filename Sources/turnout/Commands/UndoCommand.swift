import ArgumentParser
import TurnoutService

/// `turnout undo NAME [--to-revision N]`: goes back to an earlier revision's template.
struct UndoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "undo",
        abstract: "Roll back to the previous revision, or to --to-revision N.",
        discussion: """
            Copies the earlier revision's template into the rollout, which then moves to it by its strategy \
            (within the rollback window, without steps or analysis). Revision numbers are shown by \
            `turnout get rollout NAME`.
            """
    )

    @Argument(help: "The rollout's name.")
    var name: String

    @Option(name: .customLong("to-revision"), help: "The revision number to return to (default: the previous one).")
    var toRevision: Int?

    @OptionGroup var runtime: RuntimeOptions

    func validate() throws {
        if let toRevision, toRevision < 1 { throw ValidationError("--to-revision must be a revision number ≥ 1") }
    }

    func run() async throws {
        let done = toRevision.map { "rolled back to revision \($0)" } ?? "rolled back"
        try await RolloutOperationRunner.run(.undo, rollout: name, request: OperationRequest(toRevision: toRevision), done: done, runtime: runtime)
    }
}
