import ArgumentParser
import TurnoutRendering
import TurnoutService

/// `turnout get rollout NAME [--watch]`: the rollout as a tree of revisions, processes and analysis runs.
struct GetRolloutCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rollout",
        abstract: "Show a rollout: status, step, weights, images, replicas, and a tree of revisions and their replicas.",
        discussion: """
            Laid out like `kubectl argo rollouts get rollout`: a summary (status with its symbol ✔ Healthy, \
            ◌ Progressing, ॥ Paused, ✖ Degraded; step n/m; set and actual weight; images marked stable, canary, \
            preview or active; replica counts), then a tree: each revision, its replicas (a process with its pid \
            and address, or a pod with its name, address and node; readiness, restarts) and its analysis runs with each metric's last measurements. Colours only on \
            a terminal and when NO_COLOR is unset. --watch re-draws on every change until interrupted or the \
            rollout is deleted. -o json|yaml prints the API's view instead.
            """,
        aliases: ["rollouts", "ro"]
    )

    @Argument(help: "The rollout's name.")
    var name: String

    @Flag(name: [.customShort("w"), .customLong("watch")], help: "Re-draw on every change.")
    var watch = false

    @Option(name: [.customShort("o"), .customLong("output")], help: "json or yaml instead of the tree.")
    var output: ResourceOutputFormat?

    @OptionGroup var runtime: RuntimeOptions

    func run() async throws {
        let renderer = RolloutTreeRenderer(style: Terminal.outputStyle)
        guard watch else {
            let view = try await runtime.withRuntime { try await $0.rollout(named: name) }
            try ResourcePrinter.print(view, format: output) { renderer.render(view) }
            return
        }
        let clearsScreen = Terminal.isOutputTerminal && output == nil
        try await runtime.withRuntime { runtime in
            var isFirst = true
            for await view in try await runtime.watch(rolloutNamed: name) {
                if clearsScreen {
                    Terminal.writeRaw("\u{1B}[H\u{1B}[2J")
                } else if !isFirst, output == nil {
                    Terminal.write("")
                }
                isFirst = false
                try ResourcePrinter.print(view, format: output) { renderer.render(view) }
            }
        }
    }
}
