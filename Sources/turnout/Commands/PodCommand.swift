import ArgumentParser
import Foundation
import TurnoutLocal

/// `turnout pod --spec JSON`: what the single-host runtime runs for a replica with several containers or volumes.
struct PodCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pod",
        abstract: "Run one replica's containers together (started by `turnout up`, not by hand).",
        discussion: """
            Creates the replica's directory and emptyDir volumes, runs the init containers in order, then the \
            sidecars and the main container in this process group, and exits with the main container's status \
            (or a failing sidecar's), removing the directory.
            """,
        shouldDisplay: false
    )

    @Option(help: "The pod as JSON, as the runtime writes it.")
    var spec: String

    func run() throws {
        let pod: PodLaunchSpec
        do {
            pod = try PodLaunchSpec.decode(spec)
        } catch {
            throw ValidationError("--spec is not a pod description: \(error)")
        }
        let status = PodLauncher.run(pod) { message in
            FileHandle.standardError.write(Data((message + "\n").utf8))
        }
        throw ExitCode(status)
    }
}
