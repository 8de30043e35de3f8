import ArgumentParser

/// The `turnout` command: progressive delivery for Kubernetes and single hosts.
@main
struct TurnoutCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: Invocation.commandName,
        abstract: "Blue-green and canary releases with verified traffic moves and measured analysis.",
        discussion: """
            Turnout reads Argo Rollouts-compatible manifests (turnout.dev/v1alpha1 or argoproj.io/v1alpha1).
            Start with `turnout lint -f FILE` and `turnout simulate -f FILE`.
            """,
        subcommands: [
            DemoCommand.self, UpCommand.self, LintCommand.self, SimulateCommand.self, DemoAppCommand.self, ServeFilesCommand.self, ProxyCommand.self,
            ApplyCommand.self, GetCommand.self, ListCommand.self, StatusCommand.self,
            PromoteCommand.self, AbortCommand.self, RetryCommand.self, PauseCommand.self, ResumeCommand.self,
            UndoCommand.self, RestartCommand.self, SetCommand.self, TerminateCommand.self, EventsCommand.self, LogsCommand.self, DeleteCommand.self,
            PodCommand.self, ControllerCommand.self,
        ]
    )
}
