import ArgumentParser
import TurnoutRendering

/// `turnout events NAME`: what happened to a rollout, oldest first.
struct EventsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "events",
        abstract: "Show a rollout's events: steps, weight changes, analysis results, aborts.",
        discussion: "Oldest first; warnings marked in the TYPE column. -o json|yaml prints the API's events instead."
    )

    @Argument(help: "The rollout's name.")
    var name: String

    @Option(help: "Only the newest N events.")
    var limit: Int?

    @Option(name: [.customShort("o"), .customLong("output")], help: "json or yaml instead of the table.")
    var output: ResourceOutputFormat?

    @OptionGroup var runtime: RuntimeOptions

    func validate() throws {
        if let limit, limit < 0 { throw ValidationError("--limit must be ≥ 0") }
    }

    func run() async throws {
        let events = try await runtime.withRuntime { try await $0.events(ofRollout: name, limit: limit) }
        let renderer = EventTableRenderer(style: Terminal.outputStyle)
        try ResourcePrinter.print(events, format: output) { renderer.render(events) }
    }
}
