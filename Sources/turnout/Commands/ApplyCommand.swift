import ArgumentParser
import Foundation
import TurnoutRendering
import TurnoutService

/// `turnout apply -f FILE...`: sends manifests to the local runtime, all or nothing.
struct ApplyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apply",
        abstract: "Create or update rollouts, analysis templates, services and ingresses on the local runtime.",
        discussion: """
            All files go in one request: the runtime lints them together and applies all or nothing. \
            Prints one line per object (`Rollout/demo created`, `configured` or `unchanged`) and the address \
            each Service listens on. Lint warnings go to standard error as FILE:LINE:COL: field.path: message. \
            When any file has an error, every problem is printed, nothing changes, and the exit status is 1. \
            A directory applies every .yaml, .yml and .json file in it; `-` reads standard input.

            Example: turnout apply -f rollout.yaml -f services.yaml
            """
    )

    @Option(name: [.customShort("f"), .customLong("filename")], parsing: .upToNextOption, help: "Manifest files or directories.")
    var files: [String] = []

    @Flag(name: [.customShort("R"), .long], help: "Also read the manifests in subdirectories of the directories given (as kubectl -R).")
    var recursive = false

    @Argument(help: "More manifest files (same as -f).")
    var moreFiles: [String] = []

    @OptionGroup var runtime: RuntimeOptions

    func validate() throws {
        if files.isEmpty && moreFiles.isEmpty {
            throw ValidationError("name at least one manifest file: turnout apply -f rollout.yaml")
        }
    }

    func run() async throws {
        let manifests: [ManifestFile]
        do {
            manifests = try ManifestFiles.manifests(files + moreFiles, recursive: recursive)
        } catch {
            Terminal.writeError("error: apply \(error)")
            throw ExitCode.failure
        }
        let response = try await runtime.withRuntime { try await $0.apply(ApplyRequest(files: manifests)) }
        if !response.warnings.isEmpty { Terminal.writeError(ApplyResponseRenderer.renderWarnings(response)) }
        let text = ApplyResponseRenderer.render(response)
        if !text.isEmpty { Terminal.write(text) }
    }
}
