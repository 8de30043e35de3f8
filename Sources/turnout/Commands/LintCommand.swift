import ArgumentParser
import Foundation
import TurnoutCore
import TurnoutKubernetes
import TurnoutLocal

/// `turnout lint -f FILE...`: checks manifests and prints every problem as FILE:LINE:COL: field.path: message.
struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check manifests; exit 0 when valid, 1 when not.",
        discussion: """
            Each problem is one line `FILE:LINE:COL: field.path: message`, warnings prefixed `warning:`,
            with a fix where one exists. Warnings alone do not fail the check. A directory lints every
            .yaml, .yml and .json file in it; `-` reads standard input. `--target` adds what one runtime
            checks before it applies (as `turnout apply` there does): `kubernetes` the routers the controller
            carries out and where builtin and judge metrics come from, `local` what the single-host runtime runs.
            """
    )

    /// The runtime whose own checks are added.
    enum Target: String, ExpressibleByArgument, CaseIterable {
        case kubernetes, local

        /// That runtime's checks of a manifest set.
        func diagnostics(_ set: ManifestSet) -> [Diagnostic] {
            switch self {
            case .kubernetes: return ClusterRuntime.checks(set)
            case .local: return LocalRuntime.workloadReferences(in: set.documents)
            }
        }
    }

    @Option(help: "Also check what this runtime checks before it applies: kubernetes or local.")
    var target: Target?

    @Option(name: [.customShort("f"), .customLong("filename")], parsing: .upToNextOption, help: "Manifest files or directories.")
    var files: [String] = []

    @Flag(name: [.customShort("R"), .long], help: "Also read the manifests in subdirectories of the directories given (as kubectl -R).")
    var recursive = false

    @Argument(help: "More manifest files (same as -f).")
    var moreFiles: [String] = []

    @Option(name: [.customShort("o"), .customLong("output")], help: "table (default) or json.")
    var output: OutputFormat = .table

    func validate() throws {
        if files.isEmpty && moreFiles.isEmpty {
            throw ValidationError("name at least one manifest file: turnout lint -f rollout.yaml")
        }
    }

    func run() throws {
        let linted = LintedManifests(ManifestFiles.load(files + moreFiles, recursive: recursive)) { target?.diagnostics($0) ?? [] }
        let set = linted.set
        let diagnostics = linted.diagnostics
        switch output {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let data = try encoder.encode(diagnostics)
            print(String(decoding: data, as: UTF8.self))
        case .table:
            for diagnostic in diagnostics { print(diagnostic.rendered) }
            let errors = diagnostics.filter(\.isError).count
            let warnings = diagnostics.count - errors
            let fileCount = ManifestFiles.expand(files + moreFiles, recursive: recursive).count
            let summary = errors == 0
                ? "\(fileCount) file(s) valid, \(set.documents.count) object(s), \(warnings) warning(s)"
                : "\(errors) error(s), \(warnings) warning(s) in \(fileCount) file(s)"
            FileHandle.standardError.write(Data((summary + "\n").utf8))
        }
        if diagnostics.contains(where: \.isError) { throw ExitCode(1) }
    }
}
