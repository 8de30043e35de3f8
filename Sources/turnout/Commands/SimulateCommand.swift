import ArgumentParser
import Foundation
import TurnoutCore
import TurnoutSimulation

/// `turnout simulate -f FILE`: runs the engine in simulated time from the file's image to a new one.
struct SimulateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Show, step by step, what an update of a rollout would do (simulated time, no waiting).",
        discussion: """
            Starts healthy on the image in the file, changes the first container's image, and prints one
            row each time replicas, traffic, step, phase or message change. Analysis runs measure on their
            intervals with the outcome given by --analysis (default successful). A pause that waits for a
            person ends the simulation unless --promote-after is given. STEP shows steps done out of
            all steps; in JSON, `step` is the current step index.
            """
    )

    @Option(name: [.customShort("f"), .customLong("filename")], parsing: .singleValue, help: "A manifest file with the rollout or its analysis templates (repeatable).")
    var files: [String] = []

    @Option(name: .customLong("rollout"), help: "The rollout to simulate when the file has several.")
    var rolloutName: String?

    @Option(name: .customLong("to-image"), help: "The new image (default: blue <-> green, else the tag `next`).")
    var toImage: String?

    @Option(name: .customLong("pod-ready-after"), help: "Seconds a new replica takes to become ready.")
    var podReadyAfter: Double = 0

    @Option(name: .customLong("analysis"), parsing: .singleValue, help: "Outcome of an analysis template: NAME=successful|failed|inconclusive (repeatable).")
    var analysis: [String] = []

    @Option(name: .customLong("promote-after"), help: "Promote this many seconds after a pause that waits for a person.")
    var promoteAfter: Double?

    @Option(name: [.customShort("o"), .customLong("output")], help: "table (default) or json.")
    var output: OutputFormat = .table

    func validate() throws {
        if files.isEmpty { throw ValidationError("name the manifest: turnout simulate -f rollout.yaml") }
    }

    func run() async throws {
        let outcomes = try parseOutcomes()
        let set = ManifestFiles.load(files)
        let problems = set.diagnostics + Linter.lint(set)
        let errors = problems.filter(\.isError)
        guard errors.isEmpty else {
            for diagnostic in errors { FileHandle.standardError.write(Data((diagnostic.rendered + "\n").utf8)) }
            throw ExitCode(1)
        }
        let rollout = try pickRollout(set.rollouts)
        let options = SimulationOptions(toImage: toImage, podReadySeconds: podReadyAfter, analysisOutcomes: outcomes, promoteAfterSeconds: promoteAfter)
        let timeline: [TimelineEntry]
        do {
            timeline = try await Simulation(rollout: rollout, templates: set.analysisTemplates, options: options).run()
        } catch let error as SimulationError {
            throw ValidationError(error.description)
        }
        switch output {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(timeline), as: UTF8.self))
        case .table:
            let stepCount = rollout.spec.strategy?.canary?.steps?.count ?? 0
            print(TimelineTable(entries: timeline, isBlueGreen: rollout.spec.strategy?.blueGreen != nil, stepCount: stepCount).rendered)
        }
    }

    private func parseOutcomes() throws -> [String: AnalysisOutcome] {
        var outcomes: [String: AnalysisOutcome] = [:]
        for entry in analysis {
            let parts = entry.split(separator: "=", maxSplits: 1).map(String.init)
            let choices = AnalysisOutcome.allCases.map(\.rawValue).joined(separator: "|")
            guard parts.count == 2, !parts[0].isEmpty, let outcome = AnalysisOutcome(rawValue: parts[1]) else {
                throw ValidationError("--analysis \(entry): expected TEMPLATE=\(choices)")
            }
            outcomes[parts[0]] = outcome
        }
        return outcomes
    }

    private func pickRollout(_ rollouts: [Rollout]) throws -> Rollout {
        if let rolloutName {
            guard let rollout = rollouts.first(where: { $0.name == rolloutName }) else {
                throw ValidationError("\(files.joined(separator: ", ")) has no rollout named \(rolloutName) (rollouts: \(rollouts.map(\.name).joined(separator: ", ")))")
            }
            return rollout
        }
        guard let first = rollouts.first else { throw ValidationError("\(files.joined(separator: ", ")) has no Rollout to simulate") }
        guard rollouts.count == 1 else {
            throw ValidationError("\(files.joined(separator: ", ")) has \(rollouts.count) rollouts; choose one with --rollout (\(rollouts.map(\.name).joined(separator: ", ")))")
        }
        return first
    }
}
